// @lbi/scoring: the intelligence engine as plain, deterministic functions (no framework, no I/O).
// Category registry, per-ZCTA features with MOE, reliability and shrinkage, percentile scoring with
// significance tiers, and the report.

export * from './buyer-profile';
export * from './categories';
export * from './channels';
export * from './explain';
export * from './features';
export * from './format';
export * from './geography';
export * from './reliability';
export * from './report';
export * from './score-zips';
export * from './shrinkage';
export * from './significance';
export * from './timing';
export * from './types';
export * from './vintage';
export * from './zip-data';
