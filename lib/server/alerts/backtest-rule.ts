import "server-only";
import { planBacktest, replayBacktest } from "@/lib/alerts/backtest";
import { planStatementLookup, readStatementLookup } from "@/lib/alerts/backtest-slow-statements";
import { countsSlowStatements, SLOW_STATEMENTS_SERVER_LOG, withSlowThreshold } from "@/lib/alerts/slow-statement-measure";
import { loadSqlParser } from "@/lib/sql/fingerprint";
import type { BacktestRange, BacktestResult } from "@/lib/schemas/alert-backtest";
import type { AlertRuleInput } from "@/lib/schemas/alert-rule";
import { unprocessable } from "../errors";
import type { LogContext } from "../logs/log-context";

/**
 * The rule form's preview: the rule replayed over the last 24 h or 7 d (before `at`, a shared page's frozen instant) with the worker's own
 * measuring and state machine, in ONE `_msearch` (one body per source). A query the engine
 * rejects throws its LogStoreQueryError (400), an outage LogStoreUnavailableError (503).
 * A per-fingerprint slow_statements rule takes one more `_msearch` first: the fingerprint's
 * statements over the range. slow_statements over server-log sources only is refused (422).
 */
export async function backtestRule(given: AlertRuleInput, context: LogContext, options: { range: BacktestRange; at?: Date }): Promise<BacktestResult> {
  const rule = { ...given, measure: withSlowThreshold(given.measure, context.slowQueryThresholdMs) };
  const notices: string[] = [];
  let statements: Map<string, string[]> | undefined;
  if (rule.measure.kind === "slow_statements") {
    if (context.sources.length > 0 && !context.sources.some(countsSlowStatements)) throw unprocessable(SLOW_STATEMENTS_SERVER_LOG, { "measure.kind": SLOW_STATEMENTS_SERVER_LOG });
    if (rule.measure.fingerprint) {
      const draft = planBacktest(rule, context.sources, options.at ?? context.now, options.range);
      const lookup = planStatementLookup(rule, draft);
      const [answers] = await Promise.all([lookup.length > 0 ? search(lookup, context) : [], loadSqlParser()]);
      const read = readStatementLookup(rule, lookup, answers);
      statements = read.statements;
      notices.push(...read.notices);
    }
  }
  const plan = planBacktest(rule, context.sources, options.at ?? context.now, options.range, { statements });
  const results = plan.bodies.length > 0 ? await search(plan.bodies, context) : [];
  const result = replayBacktest(rule, plan, results);
  return { ...result, notices: [...context.notices, ...notices, ...result.notices] };
}

async function search(bodies: ReadonlyArray<{ source: { indexPattern: string }; body: Record<string, unknown> }>, context: LogContext) {
  const results = await context.store.msearch(bodies.map(({ source, body }) => ({ index: source.indexPattern, body })), { signal: context.signal });
  return results.map((answer) => answer.aggregations);
}
