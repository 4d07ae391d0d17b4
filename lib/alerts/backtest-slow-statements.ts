/**
 * The backtest of a per-fingerprint slow_statements rule, first round trip: the distinct slow
 * statements of the whole replayed range per source (one terms aggregation), fingerprinted in our
 * code. The replay then counts exactly those statements with a terms filter in every histogram
 * bucket, instead of a terms aggregation per bucket (1,500 buckets × 1,000 statements would pass
 * the engines' bucket limit). Bounded: the BACKTEST_STATEMENT_TERMS most frequent statements.
 */
import { timeRangeClause } from "@/lib/logs/time-range-clause";
import type { AlertRuleInput } from "@/lib/schemas/alert-rule";
import { fingerprintStatement } from "@/lib/sql/fingerprint";
import type { BacktestPlan } from "./backtest";
import { measureAggregations, scopeFilters, type MeasureSource } from "./measure-aggregations";

export const BACKTEST_STATEMENT_TERMS = 5_000;

export function planStatementLookup(rule: AlertRuleInput, plan: Pick<BacktestPlan, "slots" | "windowMs" | "bodies">): Array<{ source: MeasureSource; body: Record<string, unknown> }> {
  const from = new Date(plan.slots[0]! - plan.windowMs);
  const to = new Date(plan.slots.at(-1)!);
  return plan.bodies.map(({ source }) => {
    const { m } = measureAggregations(rule.measure, source, { terms: BACKTEST_STATEMENT_TERMS }) as { m: { filter: unknown; aggs: unknown } };
    const filter = [timeRangeClause(source.mapping.timestamp, from, to, "lt"), ...scopeFilters(rule.scope, source), m.filter];
    return { source, body: { size: 0, track_total_hits: false, query: { bool: { filter } }, aggs: m.aggs } };
  });
}

/** Per source name, the statements of the rule's fingerprint (parser loaded); notices when the lookup was cut. */
export function readStatementLookup(rule: AlertRuleInput, lookup: ReadonlyArray<{ source: MeasureSource }>, answers: ReadonlyArray<Record<string, unknown> | undefined>): { statements: Map<string, string[]>; notices: string[] } {
  const wanted = rule.measure.kind === "slow_statements" ? rule.measure.fingerprint : undefined;
  const statements = new Map<string, string[]>();
  const notices: string[] = [];
  lookup.forEach(({ source }, index) => {
    const terms = answers[index]?.st as { buckets?: Array<{ key?: unknown }>; sum_other_doc_count?: number } | undefined;
    const keys = (terms?.buckets ?? []).map((bucket) => String(bucket.key)).filter((key) => fingerprintStatement(key).fingerprint === wanted);
    statements.set(source.name, keys);
    if ((terms?.sum_other_doc_count ?? 0) > 0) notices.push(`${source.name}: only the ${BACKTEST_STATEMENT_TERMS} most frequent slow statements of the range are fingerprinted in this preview; rarer ones are not counted.`);
  });
  return { statements, notices };
}
