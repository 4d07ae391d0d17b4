import { z } from "zod";
import { sourceNameSchema } from "./log-source";
import { timeRangeParamsSchema } from "./time-range";

export const SLOW_QUERY_SORTS = ["total", "p95", "count"] as const;
export type SlowQuerySort = (typeof SLOW_QUERY_SORTS)[number];
/** Bounds of the panel's threshold, in milliseconds. */
export const THRESHOLD_BOUNDS = { min: 1, max: 600_000 } as const;

const filterValue = z.string().trim().min(1).max(128).regex(/^[\w.\-:/]+$/, "service names use letters, digits and . - _ : /");
const threshold = z.coerce
  .number({ message: "threshold must be a number of milliseconds" })
  .int("threshold is a whole number of milliseconds")
  .min(THRESHOLD_BOUNDS.min, `threshold is at least ${THRESHOLD_BOUNDS.min} ms`)
  .max(THRESHOLD_BOUNDS.max, `threshold is at most ${THRESHOLD_BOUNDS.max} ms`);

/** The panel's query. Strict: an unknown parameter is a 400. No threshold means the configured default. */
export const slowQueriesParamsSchema = timeRangeParamsSchema
  .extend({
    threshold: threshold.optional(),
    sort: z.enum(SLOW_QUERY_SORTS).default("total"),
    service: z.array(filterValue).max(50, "at most 50 services").default([]),
    source: z.array(sourceNameSchema).max(20, "at most 20 sources").default([]),
  })
  .strict();
export type SlowQueriesParams = z.infer<typeof slowQueriesParamsSchema>;
export const SLOW_QUERIES_ARRAY_KEYS = ["service", "source"];

export const fingerprintSchema = z.string().regex(/^[0-9a-f]{16}$/, "a fingerprint is 16 hex digits");

const ms = z.number().nonnegative();

export const slowQueryRowSchema = z.object({
  fingerprint: z.string(),
  /** The statement with literals as $1, $2… */
  statement: z.string(),
  /** False when PostgreSQL's parser rejected it and the tokenizer fallback grouped it. */
  parsed: z.boolean(),
  count: z.number().int().nonnegative(),
  totalMs: ms,
  meanMs: ms,
  /** Null where percentiles were not asked for (beyond the rows phase 2 reads). */
  p50Ms: ms.nullable(),
  p95Ms: ms.nullable(),
  p99Ms: ms.nullable(),
  maxMs: ms,
  services: z.array(z.string()),
  /** The source its numbers come from (the one that logged most of its runs). */
  source: z.string(),
  /** Other sources that logged the same statements (e.g. the app and PostgreSQL both): not added, not to count a run twice. */
  alsoIn: z.array(z.string()),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  /** Slow runs per bucket of `intervalMs`, from `from`. */
  trend: z.array(z.number().int().nonnegative()),
});

export const slowQueriesResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  thresholdMs: z.number(),
  sort: z.enum(SLOW_QUERY_SORTS),
  intervalMs: z.number(),
  rows: z.array(slowQueryRowSchema),
  /** Slow lines in range over every source read. */
  slowLines: z.number().int().nonnegative(),
  /** Fingerprints found; rows holds the first of them. */
  fingerprints: z.number().int().nonnegative(),
  /** Engine round trips this answer took (phase 1 and phase 2). */
  roundTrips: z.number().int().nonnegative(),
  notices: z.array(z.string()),
});

export type SlowQueryRow = z.infer<typeof slowQueryRowSchema>;
export type SlowQueriesResponse = z.infer<typeof slowQueriesResponseSchema>;

/** The overview's card: the top statements by total time, from the overview's own _msearch. */
export const slowQueryCardRowSchema = slowQueryRowSchema.pick({ fingerprint: true, statement: true, parsed: true, count: true, totalMs: true, meanMs: true, maxMs: true, services: true });
export type SlowQueryCardRow = z.infer<typeof slowQueryCardRowSchema>;

export const slowQuerySampleSchema = z.object({
  id: z.string(),
  source: z.string(),
  timestamp: z.string().nullable(),
  durationMs: ms,
  statement: z.string(),
  service: z.string().nullable(),
  /** The request's id (from the line's correlation fields or its sqlcommenter comment), for the drilldown. */
  correlationId: z.string().nullable(),
  /** Values logged for $n on PostgreSQL's DETAIL line, as SQL literals. */
  parameters: z.array(z.string()).optional(),
});

export const fingerprintParamsSchema = slowQueriesParamsSchema.omit({ sort: true });
export type FingerprintParams = z.infer<typeof fingerprintParamsSchema>;

export const fingerprintDetailSchema = z.object({
  from: z.string(),
  to: z.string(),
  thresholdMs: z.number(),
  intervalMs: z.number(),
  /** Null when no slow line of it is in the range. */
  row: slowQueryRowSchema.nullable(),
  /** Runs per bucket: time (epoch ms) and count. */
  occurrences: z.array(z.object({ time: z.number(), count: z.number().int().nonnegative() })),
  samples: z.array(slowQuerySampleSchema),
  /** Endpoints of the sample requests (method and route or path) with how many of those requests hit each. */
  endpoints: z.array(z.object({ service: z.string().nullable(), method: z.string().nullable(), path: z.string(), requests: z.number().int() })),
  roundTrips: z.number().int().nonnegative(),
  notices: z.array(z.string()),
});
export type SlowQuerySample = z.infer<typeof slowQuerySampleSchema>;
export type FingerprintDetail = z.infer<typeof fingerprintDetailSchema>;
