import "server-only";
import { describeChange, ruleChanges } from "@/lib/alerts/rule-changes";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertRule, AlertRuleInput, UpdateAlertRuleInput } from "@/lib/schemas/alert-rule";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { ApiError } from "../errors";
import { alertRuleRowData, scheduleRuleNow } from "./rule-rows";
import { auditRule, findRuleOrThrow, linkContactPoints, RULE_AUDIT_TARGET } from "./rule-writes";

/** The rule as it was at `version`, from the audit entry that produced that version (null when it is gone). */
async function ruleAtVersion(tx: Prisma.TransactionClient, id: string, version: number): Promise<AlertRuleInput | null> {
  const event = await tx.auditLog.findFirst({ where: { targetType: RULE_AUDIT_TARGET, targetId: id, details: { path: ["version"], equals: version } }, orderBy: { createdAt: "desc" } });
  const after = (event?.details as { after?: AlertRuleInput | null } | null)?.after;
  return after ?? null;
}

/**
 * Refuses an edit made against an older version with 409, naming who saved since and what they
 * changed (against the version the editor opened, or against the edit when that is not known);
 * each changed field is also in `fields`, so the form shows it next to the field.
 */
async function staleVersionError(tx: Prisma.TransactionClient, current: AlertRule, version: number, edit: AlertRuleInput): Promise<ApiError> {
  const base = await ruleAtVersion(tx, current.id, version);
  const changes = ruleChanges(base ?? edit, current.rule);
  const who = current.updatedBy ?? "someone";
  const listed = changes.slice(0, 8).map(describeChange).join("; ");
  const message = `${who} saved this rule (now version ${current.version}) after you opened version ${version}.${listed ? ` ${base ? "They changed" : "The saved rule differs in"}: ${listed}.` : ""} Reload to see their change, then edit again.`;
  const fields = Object.fromEntries(changes.map((change) => [`rule.${change.field}`, `changed meanwhile by ${who}: ${describeChange(change).replace(/^[^:]+: /, "")}`]));
  return new ApiError(409, "conflict", message, fields);
}

/** Writes rule data at `version` (bumping it) or throws the stale-version refusal. */
export async function writeRuleVersion(tx: Prisma.TransactionClient, current: AlertRule, version: number, next: AlertRuleInput, actor: Actor): Promise<number> {
  const { count } = await tx.alertRule.updateMany({ where: { id: current.id, version }, data: { ...alertRuleRowData(next), version: { increment: 1 }, updatedBy: actor.email } });
  if (count === 0) throw await staleVersionError(tx, current, version, next);
  return version + 1;
}

/** Saves an edit made against `version`; a stale version is refused, never merged. */
export async function updateAlertRule(id: string, input: UpdateAlertRuleInput, actor: Actor, ip?: string): Promise<AlertRule> {
  return getDb().$transaction(async (tx) => {
    const before = await findRuleOrThrow(tx, id);
    const version = await writeRuleVersion(tx, before, input.version, input.rule, actor);
    await linkContactPoints(tx, id, input.rule.contactPointIds, "rule.contactPointIds");
    if (input.rule.enabled) await scheduleRuleNow(tx, id);
    await auditRule(tx, { actor, action: "alert_rule.updated", ruleId: id, version, before: before.rule, after: input.rule, ip });
    return findRuleOrThrow(tx, id);
  });
}
