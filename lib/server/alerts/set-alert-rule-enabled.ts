import "server-only";
import type { AlertRule } from "@/lib/schemas/alert-rule";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { scheduleRuleNow } from "./rule-rows";
import { auditRule, findRuleOrThrow } from "./rule-writes";
import { writeRuleVersion } from "./update-alert-rule";

/**
 * Enables or disables a rule from the list, against the version shown there. It bumps the version
 * like any edit, so a form opened before it is refused rather than silently re-enabling the rule.
 */
export async function setAlertRuleEnabled(id: string, input: { version: number; enabled: boolean }, actor: Actor, ip?: string): Promise<AlertRule> {
  return getDb().$transaction(async (tx) => {
    const before = await findRuleOrThrow(tx, id);
    const after = { ...before.rule, enabled: input.enabled };
    const version = await writeRuleVersion(tx, before, input.version, after, actor);
    if (input.enabled) await scheduleRuleNow(tx, id);
    await auditRule(tx, { actor, action: input.enabled ? "alert_rule.enabled" : "alert_rule.disabled", ruleId: id, version, before: before.rule, after, ip });
    return findRuleOrThrow(tx, id);
  });
}
