import "server-only";
import type { AlertRulesDocument } from "@/lib/schemas/alert-rule";
import type { ImportResult } from "@/lib/schemas/alert-rule-api";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { unprocessable } from "../errors";
import { insertAlertRule } from "./create-alert-rule";
import { alertRuleFromRow, scheduleRuleNow } from "./rule-rows";
import { auditRule, linkContactPoints } from "./rule-writes";
import { writeRuleVersion } from "./update-alert-rule";

/**
 * Applies an alerts-as-code document in one transaction: a rule whose name exists is replaced
 * (a new version, audited), any other is created; so importing an export again changes nothing
 * but versions. Any bad rule refuses the whole document, naming its index and field.
 */
export async function importAlertRules(document: AlertRulesDocument, actor: Actor, ip?: string): Promise<ImportResult> {
  const names = new Map<string, number>();
  document.rules.forEach((rule, index) => {
    const first = names.get(rule.name);
    if (first !== undefined) throw unprocessable(`rules.${index}.name: rule ${index} has the same name as rule ${first}`, { [`rules.${index}.name`]: `the same name as rule ${first}` });
    names.set(rule.name, index);
  });
  return getDb().$transaction(
    async (tx) => {
      const existing = await tx.alertRule.findMany({ where: { name: { in: [...names.keys()] } }, include: { contactPoints: { select: { contactPointId: true } } } });
      const result: ImportResult = { created: 0, updated: 0, ids: [] };
      for (const [index, input] of document.rules.entries()) {
        const field = `rules.${index}.contactPointIds`;
        const row = existing.find((candidate) => candidate.name === input.name);
        const current = row && alertRuleFromRow(row);
        if (!row || !current) {
          const created = await insertAlertRule(tx, input, actor, { action: "alert_rule.imported", field, ip });
          result.created++;
          result.ids.push(created.id);
          continue;
        }
        const version = await writeRuleVersion(tx, current, row.version, input, actor);
        await linkContactPoints(tx, row.id, input.contactPointIds, field);
        if (input.enabled) await scheduleRuleNow(tx, row.id);
        await auditRule(tx, { actor, action: "alert_rule.imported", ruleId: row.id, version, before: current.rule, after: input, ip });
        result.updated++;
        result.ids.push(row.id);
      }
      return result;
    },
    { timeout: 60_000 },
  );
}
