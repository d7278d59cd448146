// @lbi/scoring: the intelligence engine as plain, deterministic functions (no framework, no I/O).
// Category registry, per-ZCTA features with MOE, reliability and shrinkage, percentile scoring with
// significance tiers, the report with its competition section, and trade-area features.

export * from './buyer-profile';
export * from './categories';
export * from './channels';
export * from './competition';
export * from './competitors';
export * from './explain';
export * from './feature-metrics';
export * from './features';
export * from './format';
export * from './geography';
export * from './reliability';
export * from './report';
export * from './score-zips';
export * from './shrinkage';
export * from './significance';
export * from './timing';
export * from './trade-area-features';
export * from './types';
export * from './vintage';
export * from './zip-data';
