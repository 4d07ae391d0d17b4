import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertRule, AlertRuleInput } from "@/lib/schemas/alert-rule";
import type { Actor } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notFound, unprocessable } from "../errors";
import { alertRuleFromRow } from "./rule-rows";

export const RULE_AUDIT_TARGET = "alert_rule";

/** A rule row with its contact points, read inside a write's transaction. */
export async function findRuleOrThrow(tx: Prisma.TransactionClient, id: string): Promise<AlertRule> {
  const row = await tx.alertRule.findUnique({ where: { id }, include: { contactPoints: { select: { contactPointId: true } } } });
  if (!row) throw notFound("This alert rule no longer exists: it was deleted. Reload the list.");
  const rule = alertRuleFromRow(row);
  // A stored rule that no longer parses (hand-edited, older schema) is edited by replacing it whole.
  if (!rule) throw unprocessable("This stored rule no longer matches the rule schema; export and re-import it, or delete it.");
  return rule;
}

/** Replaces a rule's contact points; an id that names no contact point is a field error, not a foreign-key 500. */
export async function linkContactPoints(tx: Prisma.TransactionClient, ruleId: string, ids: string[], field = "contactPointIds"): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await tx.contactPoint.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const missing = unique.filter((id) => !found.some((point) => point.id === id));
  if (missing.length > 0) throw unprocessable(`${field}: no contact point ${missing.join(", ")}`, { [field]: `no contact point has the id ${missing[0]}; it may have been deleted` });
  await tx.alertRuleContactPoint.deleteMany({ where: { ruleId } });
  if (unique.length > 0) await tx.alertRuleContactPoint.createMany({ data: unique.map((contactPointId) => ({ ruleId, contactPointId })) });
}

/** Every rule change lands in the audit log with the version it produced and the rule before and after. */
export async function auditRule(
  tx: Prisma.TransactionClient,
  event: { actor: Actor; action: string; ruleId: string; version: number; before?: AlertRuleInput | null; after?: AlertRuleInput | null; extra?: Record<string, Prisma.InputJsonValue>; ip?: string },
): Promise<void> {
  const details: Record<string, Prisma.InputJsonValue | null> = { version: event.version, before: (event.before ?? null) as Prisma.InputJsonValue | null, after: (event.after ?? null) as Prisma.InputJsonValue | null, ...event.extra };
  await recordAuditEvent({ actor: event.actor, action: event.action, targetType: RULE_AUDIT_TARGET, targetId: event.ruleId, details: details as Prisma.InputJsonValue, ip: event.ip }, tx);
}
