import { z } from "zod";
import { checkQuerySyntax } from "@/lib/logs/check-query-syntax";
import { checkWebhookUrlSyntax } from "@/lib/security/webhook-url-rules";
import { storableText } from "./storable-text";

/**
 * The alert rule contract: the API, the form (react-hook-form + zodResolver), import/export
 * (alerts as code) and the worker all read a rule through this one schema. Units are in the
 * field names (…Minutes, …Seconds) or documented per measure: error_rate is in percent (0–100),
 * latency in milliseconds, error_lines / query_count in lines per window, slow_statements in
 * statements per window.
 */

export const ALERT_SEVERITIES = ["critical", "warning", "info"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** What a series does on no data / on an engine error: count as OK, keep its last state, or alert. */
export const ALERT_HANDLINGS = ["ok", "keep", "alert"] as const;
export type AlertHandling = (typeof ALERT_HANDLINGS)[number];

export const LATENCY_PERCENTILES = ["p50", "p90", "p95", "p99"] as const;
export type LatencyPercentile = (typeof LATENCY_PERCENTILES)[number];

export const MEASURE_KINDS = ["error_rate", "error_lines", "latency_percentile", "query_count", "slow_statements"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Unit of a measure's value, for labels ("%", "ms", "lines"). */
export const MEASURE_UNITS: Record<MeasureKind, string> = {
  error_rate: "%",
  error_lines: "lines",
  latency_percentile: "ms",
  query_count: "lines",
  slow_statements: "statements",
};

export const DEFAULT_SERIES_CAP = 500;
export const MAX_SERIES_CAP = 1_000;
export const MIN_INTERVAL_SECONDS = 10;
export const MAX_WINDOW_MINUTES = 1_440;
export const MAX_CONTACT_POINTS_PER_RULE = 20;

const ruleText = (max: number) => storableText({ max });

/** A Lucene query string, checked as the explorer checks it before the engine sees it. */
export const luceneQuerySchema = storableText({ max: 4_000 }).superRefine((query, context) => {
  if (query === "") return;
  const syntax = checkQuerySyntax(query);
  if (!syntax.ok) context.addIssue({ code: "custom", message: syntax.message });
});

const serviceName = storableText({ max: 128 }).min(1, "name the service");

export const alertMeasureSchema = z.discriminatedUnion("kind", [
  /** 5xx lines / lines with a status, in percent. */
  z.object({ kind: z.literal("error_rate") }),
  /** ERROR and FATAL lines under the source's level scheme. */
  z.object({ kind: z.literal("error_lines") }),
  /** A percentile of request duration, in milliseconds. */
  z.object({ kind: z.literal("latency_percentile"), percentile: z.enum(LATENCY_PERCENTILES, { message: "choose p50, p90, p95 or p99" }) }),
  /** Lines matching a Lucene query. */
  z.object({ kind: z.literal("query_count"), query: luceneQuerySchema.min(1, "write the query whose matching lines are counted") }),
  /**
   * Slow SQL statements in the window (optionally of one fingerprint, as the slow-query panel shows
   * it): statement lines at or over `thresholdMs`, or the deployment's SLOW_QUERY_THRESHOLD_MS when absent.
   */
  z.object({
    kind: z.literal("slow_statements"),
    fingerprint: ruleText(512).optional(),
    thresholdMs: z.number({ message: "enter a number of milliseconds" }).int("whole milliseconds").min(1, "at least 1 ms").max(3_600_000, "at most one hour").optional(),
  }),
]);
export type AlertMeasure = z.infer<typeof alertMeasureSchema>;

export const alertScopeSchema = z.object({
  /** Empty means every service. */
  services: z.array(serviceName).max(100, "at most 100 services").default([]),
  environment: storableText({ max: 128 }).optional(),
  /** An extra Lucene query every counted line must match ("" for none). */
  query: luceneQuerySchema.default(""),
  /** One series per service (terms on the service field) instead of one for the whole scope. */
  perService: z.boolean().default(false),
  /** Most series per rule; more services than this are cut, and the rule page says so. */
  seriesCap: z.number().int().min(1, "at least 1 series").max(MAX_SERIES_CAP, `at most ${MAX_SERIES_CAP} series`).default(DEFAULT_SERIES_CAP),
});
export type AlertScope = z.infer<typeof alertScopeSchema>;

export const alertConditionSchema = z
  .object({
    comparator: z.enum(["above", "below"]),
    threshold: z.number({ message: "enter a number" }).finite(),
    /** Where a firing series recovers (below it for "above"); absent means the threshold itself. */
    recoveryThreshold: z.number().finite().nullable().default(null),
    windowMinutes: z.number().int("whole minutes").min(1, "at least 1 minute").max(MAX_WINDOW_MINUTES, "at most 24 hours (1,440 minutes)"),
    intervalSeconds: z.number().int("whole seconds").min(MIN_INTERVAL_SECONDS, `at least ${MIN_INTERVAL_SECONDS} seconds`).max(86_400, "at most 24 hours"),
    /** How long the condition must hold before the series fires (0: at once). */
    pendingSeconds: z.number().int("whole seconds").min(0).max(86_400, "at most 24 hours").default(0),
    /** How long a firing series keeps firing after the condition clears. */
    keepFiringSeconds: z.number().int("whole seconds").min(0).max(86_400, "at most 24 hours").default(0),
  })
  .superRefine((condition, context) => {
    if (condition.windowMinutes * 60 < condition.intervalSeconds) {
      context.addIssue({ code: "custom", path: ["windowMinutes"], message: "the window must be at least as long as the evaluation interval" });
    }
    const recovery = condition.recoveryThreshold;
    if (recovery === null) return;
    if (condition.comparator === "above" && recovery > condition.threshold) {
      context.addIssue({ code: "custom", path: ["recoveryThreshold"], message: "for an 'above' rule the recovery threshold is at or below the threshold" });
    }
    if (condition.comparator === "below" && recovery < condition.threshold) {
      context.addIssue({ code: "custom", path: ["recoveryThreshold"], message: "for a 'below' rule the recovery threshold is at or above the threshold" });
    }
  });
export type AlertCondition = z.infer<typeof alertConditionSchema>;

/** Kibana-style flap detection: at least `changes` state changes in the last `evaluations` evaluations. */
export const alertFlappingSchema = z
  .object({
    changes: z.number().int().min(2, "at least 2 changes").max(100).default(4),
    evaluations: z.number().int().min(2, "at least 2 evaluations").max(100, "at most 100 evaluations").default(20),
  })
  .refine((flapping) => flapping.changes <= flapping.evaluations, { path: ["changes"], message: "cannot need more changes than evaluations looked at" });
export type AlertFlapping = z.infer<typeof alertFlappingSchema>;

const labelKey = storableText({ max: 64 }).regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "label names use letters, digits, _ . and -, starting with a letter or _");

export const alertRuleInputSchema = z
  .object({
    name: ruleText(200).min(1, "name the rule"),
    description: storableText({ max: 4_000, multiline: true }).default(""),
    runbookUrl: storableText({ max: 2_048 })
      .refine((url) => url === "" || checkWebhookUrlSyntax(url).ok, "must be an http(s) URL without credentials")
      .default(""),
    labels: z.record(labelKey, storableText({ max: 256 })).default({}),
    severity: z.enum(ALERT_SEVERITIES),
    enabled: z.boolean().default(true),
    measure: alertMeasureSchema,
    scope: alertScopeSchema.prefault({}),
    condition: alertConditionSchema,
    flapping: alertFlappingSchema.prefault({}),
    noData: z.enum(ALERT_HANDLINGS).default("keep"),
    engineError: z.enum(ALERT_HANDLINGS).default("alert"),
    contactPointIds: z.array(z.string().uuid("not a valid contact point id")).max(MAX_CONTACT_POINTS_PER_RULE).default([]),
  })
  .superRefine((rule, context) => {
    const { threshold, recoveryThreshold } = rule.condition;
    const values = [threshold, ...(recoveryThreshold === null ? [] : [recoveryThreshold])];
    if (values.some((value) => value < 0)) context.addIssue({ code: "custom", path: ["condition", "threshold"], message: "thresholds are not negative" });
    if (rule.measure.kind === "error_rate" && values.some((value) => value > 100)) {
      context.addIssue({ code: "custom", path: ["condition", "threshold"], message: "an error rate is a percentage from 0 to 100" });
    }
    if (Object.keys(rule.labels).length > 32) context.addIssue({ code: "custom", path: ["labels"], message: "at most 32 labels" });
  });
export type AlertRuleInput = z.infer<typeof alertRuleInputSchema>;
/** What a form holds before defaults are applied. */
export type AlertRuleFormValues = z.input<typeof alertRuleInputSchema>;

/** Edits carry the version they were made against; a stale one is refused, never merged. */
export const updateAlertRuleSchema = z.object({ version: z.number().int().min(1), rule: alertRuleInputSchema });
export type UpdateAlertRuleInput = z.infer<typeof updateAlertRuleSchema>;

export const alertRuleSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  rule: alertRuleInputSchema,
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

/** Alerts as code: what export writes and import reads (validated by the same rule schema). */
export const alertRulesDocumentSchema = z.object({
  format: z.literal("triage.alert-rules/v1"),
  rules: z.array(alertRuleInputSchema).max(1_000, "at most 1,000 rules per import"),
});
export type AlertRulesDocument = z.infer<typeof alertRulesDocumentSchema>;

export const ALERT_SERIES_STATUSES = ["ok", "pending", "firing", "nodata", "error"] as const;
export type AlertSeriesStatus = (typeof ALERT_SERIES_STATUSES)[number];

/** The series key of a rule that is not per service. */
export const ALL_SERVICES_SERIES = "*";
