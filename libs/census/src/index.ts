// @lbi/census: plain TypeScript for the ACS: variable catalogue, request planning, response parsing,
// annotation codes, error classification and retries, ZIP->ZCTA resolution, MOE arithmetic, significance
// tests and pooled medians. It makes no HTTP call of its own: callers inject one. Only the two loaders
// (crosswalk, gazetteer) touch node built-ins.

export * from './acs-medians';
export * from './acs-variables';
export * from './annotations';
export * from './census-fetch';
export * from './classify';
export * from './crosswalk-loader';
export * from './gazetteer';
export * from './gazetteer-loader';
export * from './moe';
export * from './pooled-median';
export * from './request-plan';
export * from './response';
export * from './retry-policy';
export * from './vintage';
export * from './zip-crosswalk';
