import "server-only";
import { planBacktest, replayBacktest } from "@/lib/alerts/backtest";
import { SLOW_STATEMENTS_UNAVAILABLE } from "@/lib/alerts/measure-aggregations";
import type { BacktestRange, BacktestResult } from "@/lib/schemas/alert-backtest";
import type { AlertRuleInput } from "@/lib/schemas/alert-rule";
import { unprocessable } from "../errors";
import type { LogContext } from "../logs/log-context";

/**
 * The rule form's preview: the rule replayed over the last 24 h or 7 d (before `at`, a shared page's frozen instant) with the worker's own
 * measuring and state machine, in ONE `_msearch` (one body per source). A query the engine
 * rejects throws its LogStoreQueryError (400), an outage LogStoreUnavailableError (503).
 */
export async function backtestRule(rule: AlertRuleInput, context: LogContext, options: { range: BacktestRange; at?: Date }): Promise<BacktestResult> {
  if (rule.measure.kind === "slow_statements") throw unprocessable(SLOW_STATEMENTS_UNAVAILABLE, { "measure.kind": SLOW_STATEMENTS_UNAVAILABLE });
  const plan = planBacktest(rule, context.sources, options.at ?? context.now, options.range);
  const results = plan.bodies.length > 0 ? await context.store.msearch(plan.bodies.map(({ source, body }) => ({ index: source.indexPattern, body })), { signal: context.signal }) : [];
  const result = replayBacktest(rule, plan, results.map((answer) => answer.aggregations));
  return { ...result, notices: [...context.notices, ...result.notices] };
}
