export * from './census-cache-fill.job';
export * from './census-cache-fills';
export * from './public-acs-zcta.entity';
export * from './public-business-count.entity';
export * from './public-cache-fill.entity';
export * from './public-census-cache';
export * from './scan-scope';
