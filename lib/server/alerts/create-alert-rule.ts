import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertRule, AlertRuleInput } from "@/lib/schemas/alert-rule";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { alertRuleFromRow, alertRuleRowData, scheduleRuleNow } from "./rule-rows";
import { auditRule, linkContactPoints } from "./rule-writes";

/** Inserts a rule, links its contact points, audits it and puts it first in line for the worker (one transaction). */
export async function insertAlertRule(tx: Prisma.TransactionClient, input: AlertRuleInput, actor: Actor, options: { action?: string; field?: string; extra?: Record<string, Prisma.InputJsonValue>; ip?: string } = {}): Promise<AlertRule> {
  const row = await tx.alertRule.create({ data: { ...alertRuleRowData(input), createdBy: actor.email, updatedBy: actor.email } });
  await linkContactPoints(tx, row.id, input.contactPointIds, options.field);
  if (input.enabled) await scheduleRuleNow(tx, row.id);
  await auditRule(tx, { actor, action: options.action ?? "alert_rule.created", ruleId: row.id, version: row.version, after: input, extra: options.extra, ip: options.ip });
  return alertRuleFromRow({ ...row, contactPoints: input.contactPointIds.map((contactPointId) => ({ contactPointId })) })!;
}

export async function createAlertRule(input: AlertRuleInput, actor: Actor, ip?: string): Promise<AlertRule> {
  return getDb().$transaction((tx) => insertAlertRule(tx, input, actor, { ip }));
}
