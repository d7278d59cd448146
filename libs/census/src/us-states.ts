// The states a scan can cover live in @lbi/contracts, so the console's scan form lists the same ones.
export { US_STATES, stateByAbbreviation, stateByFips, type UsState } from '@lbi/contracts';
