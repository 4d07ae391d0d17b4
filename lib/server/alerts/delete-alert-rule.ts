import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { ApiError } from "../errors";
import { auditRule, findRuleOrThrow } from "./rule-writes";

/** Deletes a rule (with its series, history and silences) against the version the person confirmed. */
export async function deleteAlertRule(id: string, version: number, actor: Actor, ip?: string): Promise<{ deleted: true }> {
  return getDb().$transaction(async (tx) => {
    const before = await findRuleOrThrow(tx, id);
    const { count } = await tx.alertRule.deleteMany({ where: { id, version } });
    if (count === 0) throw new ApiError(409, "conflict", `${before.updatedBy ?? "Someone"} changed this rule (now version ${before.version}) after you opened version ${version}; reload and confirm again.`);
    await auditRule(tx, { actor, action: "alert_rule.deleted", ruleId: id, version, before: before.rule, ip });
    return { deleted: true as const };
  });
}
