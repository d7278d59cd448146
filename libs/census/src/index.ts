// @lbi/census: plain TypeScript for the Census Data API: the ACS variable catalogue, request planning,
// response parsing, annotation codes, error classification and retries, ZIP Code Business Patterns,
// ZIP->ZCTA resolution, trade areas (Gazetteer, ZCTA-county file), MOE arithmetic, significance tests
// and pooled medians. It makes no HTTP call of its own: callers inject one. Only the loaders
// (crosswalk, gazetteer) touch node built-ins.

export * from './acs-medians';
export * from './acs-variables';
export * from './annotations';
export * from './business-patterns';
export * from './census-fetch';
export * from './census-requests';
export * from './classify';
export * from './crosswalk-loader';
export * from './gazetteer';
export * from './gazetteer-loader';
export * from './moe';
export * from './pooled-median';
export * from './request-plan';
export * from './response';
export * from './retry-policy';
export * from './trade-areas';
export * from './us-states';
export * from './vintage';
export * from './zip-crosswalk';
