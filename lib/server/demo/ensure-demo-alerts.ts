import "server-only";
import { DEMO_ALERT_RULES } from "@/lib/demo/demo-alert-rules";
import { alertRuleInputSchema } from "@/lib/schemas/alert-rule";
import { getDb } from "../db";
import { createAlertRule } from "../alerts/create-alert-rule";
import { DEMO_ACTOR } from "./ensure-demo-sources";

/**
 * The demo's alert rules (audited as the demo, like its sources). Idempotent: a rule of that
 * name is left as the admin last saved it, so a restart neither duplicates nor resets them.
 */
export async function ensureDemoAlerts(): Promise<string[]> {
  const existing = new Set((await getDb().alertRule.findMany({ select: { name: true } })).map((rule) => rule.name));
  const created: string[] = [];
  for (const rule of DEMO_ALERT_RULES) {
    if (existing.has(rule.name)) continue;
    await createAlertRule(alertRuleInputSchema.parse(rule), DEMO_ACTOR);
    created.push(rule.name);
  }
  return created;
}
