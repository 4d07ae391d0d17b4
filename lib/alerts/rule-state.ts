import type { AlertSeriesStatus } from "@/lib/schemas/alert-rule";
import type { RuleState } from "@/lib/schemas/alert-rule-api";

/** Worst first: the order of badges and of the rule list (firing rules at the top). */
export const RULE_STATE_ORDER: readonly RuleState[] = ["firing", "pending", "error", "nodata", "ok", "disabled"];

export const ruleStateRank = (state: RuleState) => RULE_STATE_ORDER.indexOf(state);

/** A rule's state for lists: disabled, else its worst series, else error when the engine rejected its query. */
export function ruleState(rule: { enabled: boolean; lastError?: string | null }, series: { status: AlertSeriesStatus }[]): RuleState {
  if (!rule.enabled) return "disabled";
  const worst = series.map((item) => item.status as RuleState).sort((a, b) => ruleStateRank(a) - ruleStateRank(b))[0];
  if (rule.lastError && (!worst || ruleStateRank(worst) > ruleStateRank("error"))) return "error";
  return worst ?? "ok";
}
