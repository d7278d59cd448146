// @lbi/scoring: the intelligence engine as plain, deterministic functions (no framework, no I/O).
// Category registry, ZIP features with MOE, percentile scoring with reliability discounts, and the report.

export * from './categories';
export * from './competition';
export * from './competitors';
export * from './features';
export * from './report';
export * from './score-zips';
export * from './timing';
export * from './trade-area-features';
export * from './types';
export * from './feature-metrics';
