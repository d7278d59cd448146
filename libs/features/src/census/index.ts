export * from './census-http';
export * from './census-nightly.job';
export * from './census-refresh.job';
export * from './census-signals.writer';
export * from './census-vintage';
export * from './census.module';
export * from './geography-zctas';
