import { z } from "zod";
import { alertRuleInputSchema, ALERT_SERIES_STATUSES } from "./alert-rule";

export const BACKTEST_RANGES = ["24h", "7d"] as const;
export type BacktestRange = (typeof BACKTEST_RANGES)[number];

/** The preview route's body: the rule as the form holds it now, how far back to replay it, and from when (default: now; a shared rule page pins it). */
export const backtestParamsSchema = z.object({ rule: alertRuleInputSchema, range: z.enum(BACKTEST_RANGES).default("24h"), at: z.iso.datetime({ offset: true, error: "at must be an ISO date-time" }).optional() });
export type BacktestParams = z.infer<typeof backtestParamsSchema>;

export const backtestSpanSchema = z.object({ status: z.enum(["pending", "firing"]), from: z.string(), to: z.string() });

export const backtestSeriesSchema = z.object({
  seriesKey: z.string(),
  /** One point per replayed evaluation; null is no data. */
  points: z.array(z.object({ at: z.string(), value: z.number().nullable(), status: z.enum(ALERT_SERIES_STATUSES) })),
  spans: z.array(backtestSpanSchema),
  /** Firing notifications the worker would have sent (held ones while flapping are not counted). */
  firedCount: z.number().int(),
  /** Times the series started flapping. */
  flapCount: z.number().int(),
});

export const backtestResultSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Seconds between replayed evaluations (the rule's interval, widened so at most ~1,500 are replayed). */
  stepSeconds: z.number().int(),
  threshold: z.number(),
  recoveryThreshold: z.number().nullable(),
  unit: z.string(),
  series: z.array(backtestSeriesSchema),
  firedCount: z.number().int(),
  flapCount: z.number().int(),
  /** True when per-service series were cut at the rule's series cap. */
  seriesCapped: z.boolean(),
  notices: z.array(z.string()),
});
export type BacktestSeries = z.infer<typeof backtestSeriesSchema>;
export type BacktestResult = z.infer<typeof backtestResultSchema>;
