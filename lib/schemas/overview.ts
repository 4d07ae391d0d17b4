import { z } from "zod";
import { errorRatePointSchema } from "./error-rate";
import { sourceNameSchema } from "./log-source";
import { slowQueryCardRowSchema } from "./slow-queries";
import { timeRangeParamsSchema } from "./time-range";
import { viewFreshnessSchema } from "./view-freshness";

const filterValue = (what: string) => z.string().trim().min(1).max(128).regex(/^[\w.\-:/]+$/, `${what} names use letters, digits and . - _ : /`);

/** The overview's query. Strict: an unknown parameter is a 400, so nothing else reaches the engine. */
export const overviewParamsSchema = timeRangeParamsSchema
  .extend({
    service: z.array(filterValue("service")).max(50, "at most 50 services").default([]),
    environment: z.array(filterValue("environment")).max(20, "at most 20 environments").default([]),
    /** Log sources to read (their names); none means every enabled source. */
    source: z.array(sourceNameSchema).max(20, "at most 20 sources").default([]),
  })
  .strict();

export type OverviewParams = z.infer<typeof overviewParamsSchema>;
export const OVERVIEW_ARRAY_KEYS = ["service", "environment", "source"];

const count = z.number().int().nonnegative();

/** One service's request lines in one bucket, by status class; serverErrors is the 5xx class (status >= 500). */
export const overviewPointSchema = errorRatePointSchema.extend({ status2xx: count, status3xx: count, status4xx: count });

export const serviceTotalsSchema = z.object({
  service: z.string(),
  requests: count,
  serverErrors: count,
  errorRate: z.number().nullable(),
  status2xx: count,
  status3xx: count,
  status4xx: count,
  /** Log lines of level ERROR and FATAL under the mapping's level scheme, request lines or not. */
  errorLines: count,
  fatalLines: count,
});

export const errorLinePointSchema = z.object({ time: z.number(), service: z.string(), errorLines: count, fatalLines: count });

export const failingEndpointSchema = z.object({
  method: z.string(),
  /** Route template: numeric and id-like path segments shown as {id}. */
  path: z.string(),
  services: z.array(z.string()),
  requests: count,
  serverErrors: count,
  errorRate: z.number().nullable(),
});

export const topErrorSchema = z.object({
  type: z.string(),
  /** Message with numbers and ids replaced, so one failure mode is one row; null when not indexed. */
  message: z.string().nullable(),
  /** The most frequent message as logged (secrets redacted). */
  example: z.string().nullable(),
  count,
  services: z.array(z.string()),
});

export const overviewResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  intervalMs: z.number(),
  interval: z.string(),
  /** Services with request lines, in chart order (busiest first). */
  services: z.array(z.string()),
  points: z.array(overviewPointSchema),
  errorServices: z.array(z.string()),
  errorPoints: z.array(errorLinePointSchema),
  totals: z.array(serviceTotalsSchema),
  topEndpoints: z.array(failingEndpointSchema),
  topErrors: z.array(topErrorSchema),
  /** Filter choices over the whole range, unaffected by the current filters. */
  available: z.object({ services: z.array(z.string()), environments: z.array(z.string()) }),
  /** Which sources each service logs to (their names), so a click opens the explorer on a source that has its lines. */
  serviceSources: z.record(z.string(), z.array(z.string())),
  /** The top statements by total time at `slowQueryThresholdMs`, fingerprinted (from the same _msearch). */
  slowQueries: z.array(slowQueryCardRowSchema),
  slowQueryThresholdMs: z.number(),
  notices: z.array(z.string()),
  freshness: viewFreshnessSchema,
});

export type OverviewPoint = z.infer<typeof overviewPointSchema>;
export type ServiceTotals = z.infer<typeof serviceTotalsSchema>;
export type ErrorLinePoint = z.infer<typeof errorLinePointSchema>;
export type FailingEndpoint = z.infer<typeof failingEndpointSchema>;
export type TopError = z.infer<typeof topErrorSchema>;
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;

