import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertRuleInput, AlertRulesDocument } from "@/lib/schemas/alert-rule";
import type { ImportResult } from "@/lib/schemas/alert-rule-api";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { unprocessable } from "../errors";
import { alertRuleFromRow, alertRuleRowData } from "./rule-rows";
import { auditRule } from "./rule-writes";
import { writeRuleVersion } from "./update-alert-rule";

/** Refuses two rules of one name, and contact point ids that name nothing, by rule index and field. */
async function assertImportable(tx: Prisma.TransactionClient, rules: AlertRuleInput[]): Promise<void> {
  const names = new Map<string, number>();
  rules.forEach((rule, index) => {
    const first = names.get(rule.name);
    if (first !== undefined) throw unprocessable(`rules.${index}.name: rule ${index} has the same name as rule ${first}`, { [`rules.${index}.name`]: `the same name as rule ${first}` });
    names.set(rule.name, index);
  });
  const known = new Set((await tx.contactPoint.findMany({ where: { id: { in: [...new Set(rules.flatMap((rule) => rule.contactPointIds))] } }, select: { id: true } })).map((point) => point.id));
  const index = rules.findIndex((rule) => rule.contactPointIds.some((id) => !known.has(id)));
  if (index >= 0) {
    const missing = rules[index]!.contactPointIds.find((id) => !known.has(id))!;
    throw unprocessable(`rules.${index}.contactPointIds: no contact point ${missing}`, { [`rules.${index}.contactPointIds`]: `no contact point has the id ${missing}` });
  }
}

/**
 * Applies an alerts-as-code document in one transaction: a rule whose name exists is replaced
 * (a new version, audited), any other is created; so importing an export again changes nothing
 * but versions. Any bad rule refuses the whole document, naming its index and field. Rows, links
 * and schedules are written in a few multi-row statements, so 1,000 rules import in seconds.
 */
export async function importAlertRules(document: AlertRulesDocument, actor: Actor, ip?: string): Promise<ImportResult> {
  return getDb().$transaction(
    async (tx) => {
      await assertImportable(tx, document.rules);
      const existing = await tx.alertRule.findMany({ where: { name: { in: document.rules.map((rule) => rule.name) } }, include: { contactPoints: { select: { contactPointId: true } } } });
      const planned = document.rules.map((input) => {
        const row = existing.find((candidate) => candidate.name === input.name);
        const current = row ? alertRuleFromRow(row) : null;
        return { input, current, id: current?.id ?? crypto.randomUUID() };
      });
      const created = planned.filter((plan) => !plan.current);
      await tx.alertRule.createMany({ data: created.map(({ id, input }) => ({ id, ...alertRuleRowData(input), createdBy: actor.email, updatedBy: actor.email })) });
      const versions = new Map<string, number>(created.map((plan) => [plan.id, 1]));
      for (const { id, input, current } of planned) if (current) versions.set(id, await writeRuleVersion(tx, current, current.version, input, actor));
      const replaced = planned.filter((plan) => plan.current).map((plan) => plan.id);
      await tx.alertRuleContactPoint.deleteMany({ where: { ruleId: { in: replaced } } });
      await tx.alertRuleContactPoint.createMany({ data: planned.flatMap(({ id, input }) => [...new Set(input.contactPointIds)].map((contactPointId) => ({ ruleId: id, contactPointId }))) });
      // scheduleRuleNow for many rules at once: enabled rules are evaluated in the next cycle.
      const enabled = planned.filter((plan) => plan.input.enabled).map((plan) => plan.id);
      await tx.alertRuleSchedule.updateMany({ where: { ruleId: { in: enabled } }, data: { nextEvaluationAt: new Date() } });
      await tx.alertRuleSchedule.createMany({ data: enabled.map((ruleId) => ({ ruleId, nextEvaluationAt: new Date() })), skipDuplicates: true });
      for (const { id, input, current } of planned) await auditRule(tx, { actor, action: "alert_rule.imported", ruleId: id, version: versions.get(id)!, before: current?.rule ?? null, after: input, ip });
      return { created: created.length, updated: replaced.length, ids: planned.map((plan) => plan.id) };
    },
    { timeout: 60_000 },
  );
}
