import "server-only";
import { ALL_SERVICES_SERIES } from "@/lib/schemas/alert-rule";
import type { AlertSilenceView } from "@/lib/schemas/alert-rule-api";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { notFound, unprocessable } from "../errors";
import { auditRule, findRuleOrThrow } from "./rule-writes";

export function toSilenceView(row: { id: string; seriesKey: string | null; endsAt: Date; reason: string; createdBy: string | null }): AlertSilenceView {
  return { id: row.id, seriesKey: row.seriesKey, endsAt: row.endsAt.toISOString(), reason: row.reason, createdBy: row.createdBy };
}

/** Silences one series (or the whole rule) until a time: its state keeps moving, its notifications wait. */
export async function silenceAlertRule(ruleId: string, input: { seriesKey?: string; endsAt: string; reason: string }, actor: Actor, ip?: string): Promise<AlertSilenceView> {
  return getDb().$transaction(async (tx) => {
    const rule = await findRuleOrThrow(tx, ruleId);
    if (input.seriesKey !== undefined) {
      const series = await tx.alertSeries.findUnique({ where: { ruleId_seriesKey: { ruleId, seriesKey: input.seriesKey } }, select: { id: true } });
      const { services, perService } = rule.rule.scope;
      // A series the worker has not seen yet can be silenced ahead when the rule's scope names it.
      const expected = perService ? services.length === 0 || services.includes(input.seriesKey) : input.seriesKey === ALL_SERVICES_SERIES;
      if (!series && !expected) throw unprocessable(`seriesKey: this rule has no series ${input.seriesKey}`, { seriesKey: "this rule has no such series" });
    }
    const row = await tx.alertSilence.create({ data: { ruleId, seriesKey: input.seriesKey ?? null, endsAt: new Date(input.endsAt), reason: input.reason, createdBy: actor.email } });
    const silence = toSilenceView(row);
    await auditRule(tx, { actor, action: "alert_rule.silenced", ruleId, version: rule.version, extra: { silence: { ...silence } }, ip });
    return silence;
  });
}

/** Ends a silence now (deletes it), audited like its creation. */
export async function unsilenceAlertRule(ruleId: string, silenceId: string, actor: Actor, ip?: string): Promise<{ deleted: true }> {
  return getDb().$transaction(async (tx) => {
    const rule = await findRuleOrThrow(tx, ruleId);
    const row = await tx.alertSilence.findFirst({ where: { id: silenceId, ruleId } });
    if (!row) throw notFound("This silence no longer exists: it was ended already.");
    await tx.alertSilence.delete({ where: { id: silenceId } });
    await auditRule(tx, { actor, action: "alert_rule.unsilenced", ruleId, version: rule.version, extra: { silence: { ...toSilenceView(row) } }, ip });
    return { deleted: true as const };
  });
}
