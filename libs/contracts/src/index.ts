export * from './enums';
export * from './jobs';
export * from './api';
export * from './geographies';
export * from './reports';
export * from './import-schemas';
export * from './us-states';
