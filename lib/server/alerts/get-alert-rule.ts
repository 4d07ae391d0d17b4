import "server-only";
import { ruleChanges } from "@/lib/alerts/rule-changes";
import { ruleState } from "@/lib/alerts/rule-state";
import type { AlertRuleDetail } from "@/lib/schemas/alert-rule-api";
import { getDb } from "../db";
import { findRuleOrThrow, RULE_AUDIT_TARGET } from "./rule-writes";
import { toSilenceView } from "./silence-alert-rule";

const HISTORY_LIMIT = 200;
const NOTIFICATION_LIMIT = 50;
const AUDIT_LIMIT = 50;

/** Everything the rule's page shows: the rule, its schedule's last run, series, silences, history, notifications and audit. */
export async function getAlertRule(id: string, now = new Date()): Promise<AlertRuleDetail> {
  const db = getDb();
  const rule = await findRuleOrThrow(db, id);
  const [schedule, series, silences, transitions, notifications, audit] = await Promise.all([
    db.alertRuleSchedule.findUnique({ where: { ruleId: id } }),
    db.alertSeries.findMany({ where: { ruleId: id }, orderBy: { seriesKey: "asc" } }),
    db.alertSilence.findMany({ where: { ruleId: id, endsAt: { gt: now } }, orderBy: { endsAt: "asc" } }),
    db.alertTransition.findMany({ where: { ruleId: id }, orderBy: { evaluatedAt: "desc" }, take: HISTORY_LIMIT, include: { series: { select: { seriesKey: true } } } }),
    db.alertNotification.findMany({
      where: { ruleId: id },
      orderBy: { createdAt: "desc" },
      take: NOTIFICATION_LIMIT,
      include: { series: { select: { seriesKey: true } }, contactPoint: { select: { name: true } }, deliveryAttempts: { orderBy: { attempt: "asc" } } },
    }),
    db.auditLog.findMany({ where: { targetType: RULE_AUDIT_TARGET, targetId: id }, orderBy: { createdAt: "desc" }, take: AUDIT_LIMIT }),
  ]);
  const silencedUntil = (seriesKey: string) =>
    silences.filter((silence) => silence.seriesKey === null || silence.seriesKey === seriesKey).reduce<Date | null>((latest, silence) => (!latest || silence.endsAt > latest ? silence.endsAt : latest), null);
  return {
    rule,
    state: ruleState({ enabled: rule.rule.enabled, lastError: schedule?.lastError }, series),
    schedule: schedule && { lastEvaluatedAt: schedule.lastEvaluatedAt?.toISOString() ?? null, lastDurationMs: schedule.lastDurationMs, lastError: schedule.lastError, seriesCapped: schedule.seriesCapped, evaluations: schedule.evaluations },
    series: series.map((row) => ({
      id: row.id,
      seriesKey: row.seriesKey,
      status: row.status,
      flapping: row.flapping,
      lastValue: row.lastValue,
      since: row.since.toISOString(),
      lastEvaluatedAt: row.lastEvaluatedAt?.toISOString() ?? null,
      silencedUntil: silencedUntil(row.seriesKey)?.toISOString() ?? null,
    })),
    silences: silences.map(toSilenceView),
    transitions: transitions.map((row) => ({
      id: row.id,
      seriesKey: row.series.seriesKey,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      value: row.value,
      threshold: row.threshold,
      flapping: row.flapping,
      note: row.note,
      evaluatedAt: row.evaluatedAt.toISOString(),
    })),
    notifications: notifications.map((row) => ({
      id: row.id,
      seriesKey: row.series?.seriesKey ?? null,
      contactPoint: row.contactPoint.name,
      kind: row.kind,
      status: row.status,
      attempts: row.deliveryAttempts.map((attempt) => ({ attempt: attempt.attempt, startedAt: attempt.startedAt.toISOString(), latencyMs: attempt.latencyMs, httpStatus: attempt.httpStatus, ok: attempt.ok, error: attempt.error })),
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      deliveredAt: row.deliveredAt?.toISOString() ?? null,
    })),
    audit: audit.map((row) => {
      const details = (row.details ?? {}) as { before?: unknown; after?: unknown };
      return { id: row.id, action: row.action, actorEmail: row.actorEmail, createdAt: row.createdAt.toISOString(), changes: details.before || details.after ? ruleChanges(details.before ?? {}, details.after ?? {}) : [] };
    }),
  };
}
