import "server-only";

/** DESIGN.md's default: a statement of 500 ms or more is slow (SLOW_QUERY_THRESHOLD_MS overrides it). */
export const DEFAULT_SLOW_QUERY_THRESHOLD_MS = 500;
