/** Base of every API call: the console is served by the API on the same origin (or `ng serve`'s proxy). */
export const API = '/api/v1';

/** How often live views (runs, reports) ask for news while something is queued or running. */
export const POLL_INTERVAL_MS = 1000;
