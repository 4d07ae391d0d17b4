import { z } from "zod";
import { ALERT_SERIES_STATUSES, ALERT_SEVERITIES, type AlertRule } from "./alert-rule";
import { storableText } from "./storable-text";

/**
 * What the alert-rule routes take and answer beyond the rule contract itself (lib/schemas/alert-rule.ts):
 * list filters and rows, the rule page's detail, silences and import results.
 */

/** A rule's overall state for lists: its worst series (firing first), or "disabled". */
export const RULE_STATES = ["firing", "pending", "error", "nodata", "ok", "disabled"] as const;
export type RuleState = (typeof RULE_STATES)[number];

const filterText = storableText({ max: 256 });

export const listAlertRulesParamsSchema = z
  .object({
    state: z.enum(RULE_STATES).optional(),
    severity: z.enum(ALERT_SEVERITIES).optional(),
    service: filterText.optional(),
    /** "key" or "key=value". */
    label: filterText.optional(),
  })
  .strict();
export type ListAlertRulesParams = z.infer<typeof listAlertRulesParamsSchema>;

export const alertRuleRowSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  enabled: z.boolean(),
  labels: z.record(z.string(), z.string()),
  services: z.array(z.string()),
  state: z.enum(RULE_STATES),
  seriesCount: z.number().int(),
  firingCount: z.number().int(),
  /** The value of the worst series at its last evaluation. */
  lastValue: z.number().nullable(),
  unit: z.string(),
  lastEvaluatedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  silenced: z.boolean(),
});
export type AlertRuleRow = z.infer<typeof alertRuleRowSchema>;
export const alertRulesListSchema = z.object({ rules: z.array(alertRuleRowSchema), unreadable: z.number().int() });
export type AlertRulesList = z.infer<typeof alertRulesListSchema>;

export const ruleIdParamsSchema = z.object({ id: z.string().uuid("not a valid rule id") });
export const deleteByVersionParamsSchema = z.object({ version: z.coerce.number().int().min(1) }).strict();
export const setRuleEnabledSchema = z.object({ version: z.number().int().min(1), enabled: z.boolean() });

export const silenceInputSchema = z.object({
  /** A series key (a service, or "*"); absent silences the whole rule. */
  seriesKey: storableText({ max: 128 }).min(1).optional(),
  endsAt: z.iso.datetime({ offset: true, message: "give the end as an ISO date and time" }).refine((at) => Date.parse(at) > Date.now(), "the end of a silence is in the future"),
  reason: storableText({ max: 500 }).default(""),
});
export type SilenceInput = z.input<typeof silenceInputSchema>;
export const unsilenceParamsSchema = z.object({ silence: z.string().uuid("not a valid silence id") }).strict();

export interface AlertSilenceView {
  id: string;
  seriesKey: string | null;
  endsAt: string;
  reason: string;
  createdBy: string | null;
}

export interface AlertSeriesView {
  id: string;
  seriesKey: string;
  status: (typeof ALERT_SERIES_STATUSES)[number];
  flapping: boolean;
  lastValue: number | null;
  since: string;
  lastEvaluatedAt: string | null;
  silencedUntil: string | null;
}

export interface AlertTransitionView {
  id: string;
  seriesKey: string;
  fromStatus: string;
  toStatus: string;
  value: number | null;
  threshold: number;
  flapping: boolean;
  note: string | null;
  evaluatedAt: string;
}

export interface NotificationView {
  id: string;
  seriesKey: string | null;
  contactPoint: string;
  kind: string;
  status: string;
  attempts: { attempt: number; startedAt: string; latencyMs: number; httpStatus: number | null; ok: boolean; error: string | null }[];
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface AuditEntryView {
  id: string;
  action: string;
  actorEmail: string | null;
  createdAt: string;
  changes: RuleChange[];
}

/** One field that differs between two versions of a rule ("condition.threshold": 5 → 10). */
export interface RuleChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AlertRuleDetail {
  rule: AlertRule;
  state: RuleState;
  schedule: { lastEvaluatedAt: string | null; lastDurationMs: number | null; lastError: string | null; seriesCapped: boolean; evaluations: number } | null;
  series: AlertSeriesView[];
  silences: AlertSilenceView[];
  transitions: AlertTransitionView[];
  notifications: NotificationView[];
  audit: AuditEntryView[];
}

export const importResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), ids: z.array(z.string()) });
export type ImportResult = z.infer<typeof importResultSchema>;

export const firingAlertSchema = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  seriesKey: z.string(),
  status: z.enum(ALERT_SERIES_STATUSES),
  lastValue: z.number().nullable(),
  unit: z.string(),
  since: z.string(),
  flapping: z.boolean(),
});
export type FiringAlert = z.infer<typeof firingAlertSchema>;
export const firingAlertsSchema = z.object({ alerts: z.array(firingAlertSchema) });
export type FiringAlerts = z.infer<typeof firingAlertsSchema>;

/** Opens an incident from one firing series of a rule; title and severity default from the rule (lib/alerts/alert-episode.ts). */
export const openIncidentFromAlertSchema = z.object({
  seriesKey: storableText({ max: 128 }).min(1, "name the series (a service, or * for all services)"),
  title: storableText({ max: 200 }).min(1, "enter a title").optional(),
  severity: z.enum(["sev1", "sev2", "sev3", "sev4"], { error: "choose a severity" }).optional(),
});
export type OpenIncidentFromAlertInput = z.input<typeof openIncidentFromAlertSchema>;
