import "server-only";
import type { AlertRulesDocument } from "@/lib/schemas/alert-rule";
import { getDb } from "../db";
import { alertRuleFromRow } from "./rule-rows";

/** Every rule as an alerts-as-code document (the format import reads back), ordered by name. */
export async function exportAlertRules(): Promise<AlertRulesDocument> {
  const rows = await getDb().alertRule.findMany({ include: { contactPoints: { select: { contactPointId: true } } }, orderBy: { name: "asc" } });
  const rules = rows.map(alertRuleFromRow).flatMap((rule) => (rule ? [rule.rule] : []));
  return { format: "triage.alert-rules/v1", rules };
}
