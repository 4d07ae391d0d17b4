import "server-only";
import type { AlertRule } from "@/lib/schemas/alert-rule";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { insertAlertRule } from "./create-alert-rule";
import { findRuleOrThrow } from "./rule-writes";

/**
 * A copy of a rule, named "… (copy)" and disabled: two enabled copies of one rule would notify
 * every contact point twice, so the copy waits until someone changes and enables it.
 */
export async function duplicateAlertRule(id: string, actor: Actor, ip?: string): Promise<AlertRule> {
  return getDb().$transaction(async (tx) => {
    const source = await findRuleOrThrow(tx, id);
    const name = `${source.rule.name} (copy)`.slice(0, 200);
    return insertAlertRule(tx, { ...source.rule, name, enabled: false }, actor, { action: "alert_rule.duplicated", extra: { duplicatedFrom: id }, ip });
  });
}
