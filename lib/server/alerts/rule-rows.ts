import "server-only";
import type { AlertRule as AlertRuleRow, Prisma } from "@/lib/generated/prisma/client";
import { alertRuleInputSchema, type AlertRule, type AlertRuleInput } from "@/lib/schemas/alert-rule";

type RowWithContactPoints = AlertRuleRow & { contactPoints?: { contactPointId: string }[] };

/** A stored rule as the contract reads it; null (and the caller reports it) when it no longer parses. */
export function alertRuleFromRow(row: RowWithContactPoints): AlertRule | null {
  const parsed = alertRuleInputSchema.safeParse({
    name: row.name,
    description: row.description,
    runbookUrl: row.runbookUrl ?? "",
    labels: row.labels,
    severity: row.severity,
    enabled: row.enabled,
    measure: row.measure,
    scope: row.scope,
    condition: row.condition,
    flapping: row.flapping,
    noData: row.noDataHandling,
    engineError: row.engineErrorHandling,
    contactPointIds: (row.contactPoints ?? []).map((link) => link.contactPointId),
  });
  if (!parsed.success) return null;
  return { id: row.id, version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy, rule: parsed.data };
}

/** The columns of a rule input (create and update data; contact points are linked separately). */
export function alertRuleRowData(rule: AlertRuleInput) {
  return {
    name: rule.name,
    description: rule.description,
    runbookUrl: rule.runbookUrl === "" ? null : rule.runbookUrl,
    labels: rule.labels,
    severity: rule.severity,
    enabled: rule.enabled,
    measure: rule.measure as Prisma.InputJsonValue,
    scope: rule.scope as Prisma.InputJsonValue,
    condition: rule.condition as Prisma.InputJsonValue,
    flapping: rule.flapping as Prisma.InputJsonValue,
    noDataHandling: rule.noData,
    engineErrorHandling: rule.engineError,
  } satisfies Omit<Prisma.AlertRuleCreateInput, "id">;
}

/**
 * Puts a rule first in line for the worker: call it in the transaction that creates, edits or
 * enables a rule, so the change is evaluated in the next cycle rather than at the old time.
 * (The worker also creates missing schedules itself, so forgetting it only delays evaluation.)
 */
export async function scheduleRuleNow(tx: Prisma.TransactionClient, ruleId: string): Promise<void> {
  await tx.alertRuleSchedule.upsert({ where: { ruleId }, create: { ruleId, nextEvaluationAt: new Date() }, update: { nextEvaluationAt: new Date() } });
}
