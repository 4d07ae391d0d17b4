/**
 * The backtest: the rule replayed over the last 24 hours or 7 days at its own evaluation slots,
 * through the same measure reading (`readComponents`/`measureValue`) and the same state machine
 * (`evaluateRule`) as the worker. Counts and rates come from a date histogram whose buckets
 * tile every window exactly (bucket = gcd of step and window), summed per window in code; a
 * percentile cannot be summed, so latency asks the engine for each window itself (date_range).
 */
import { timeRangeClause } from "@/lib/logs/time-range-clause";
import type { BacktestRange, BacktestResult, BacktestSeries } from "@/lib/schemas/alert-backtest";
import { ALL_SERVICES_SERIES, MEASURE_UNITS, type AlertRuleInput } from "@/lib/schemas/alert-rule";
import { evaluateRule, type StoredSeries } from "./evaluate-rule";
import { addComponents, EMPTY_COMPONENTS, measureAggregations, measureFilters, readComponents, scopeFilters, type Components, type MeasureSource } from "./measure-aggregations";
import { countsSlowStatements } from "./slow-statement-measure";
import type { SeriesState } from "./state-machine";

const RANGE_MS: Record<BacktestRange, number> = { "24h": 86_400_000, "7d": 7 * 86_400_000 };
const MAX_EVALUATIONS = 1_500;
const MAX_LATENCY_EVALUATIONS = 700;
const MAX_HISTOGRAM_BUCKETS = 12_000;
/** Series a preview shows at most (the busiest); the worker's cap is the rule's own. */
export const BACKTEST_MAX_SERIES = 50;

export interface BacktestPlan {
  slots: number[];
  stepMs: number;
  windowMs: number;
  bucketMs: number | null;
  bodies: Array<{ source: MeasureSource; body: Record<string, unknown> }>;
  notices: string[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * `statements`: for a per-fingerprint slow_statements rule, the fingerprint's statements per source
 * name (backtest-slow-statements.ts); server-log sources are left out of slow_statements rules.
 */
export function planBacktest(rule: AlertRuleInput, allSources: readonly MeasureSource[], now: Date, range: BacktestRange, options: { statements?: ReadonlyMap<string, readonly string[]> } = {}): BacktestPlan {
  const sources = rule.measure.kind === "slow_statements" ? allSources.filter(countsSlowStatements) : allSources;
  const intervalMs = rule.condition.intervalSeconds * 1000;
  const windowMs = rule.condition.windowMinutes * 60_000;
  const latency = rule.measure.kind === "latency_percentile";
  const limit = latency ? MAX_LATENCY_EVALUATIONS : MAX_EVALUATIONS;
  const notices: string[] = [];
  // Widened by whole intervals only, so replayed instants stay instants the worker evaluates.
  const stepMs = intervalMs * Math.max(1, Math.ceil(RANGE_MS[range] / intervalMs / limit));
  if (stepMs > intervalMs) notices.push(`Replayed every ${stepMs / 1000} s rather than every ${intervalMs / 1000} s, to keep the preview to ${limit} evaluations; pending and keep-firing periods are counted in those steps.`);
  const to = Math.floor(now.getTime() / stepMs) * stepMs;
  const slots: number[] = [];
  for (let t = to - Math.floor(RANGE_MS[range] / stepMs) * stepMs + stepMs; t <= to; t += stepMs) slots.push(t);
  const from = slots[0]! - windowMs;

  let bucketMs: number | null = null;
  if (!latency) {
    bucketMs = gcd(stepMs, windowMs);
    if ((to - from) / bucketMs > MAX_HISTOGRAM_BUCKETS) {
      bucketMs = Math.min(stepMs, windowMs);
      notices.push(`Window edges are rounded to ${bucketMs / 1000} s steps in this preview.`);
    }
  }
  const bodies = sources.map((source) => {
    const inner = measureAggregations(rule.measure, source, { statements: options.statements?.get(source.name) ?? (options.statements ? [] : undefined) });
    const overTime = bucketMs
      ? { t: { date_histogram: { field: source.mapping.timestamp, fixed_interval: `${bucketMs / 1000}s`, min_doc_count: 0, extended_bounds: { min: from, max: to - 1 } }, aggs: inner } }
      : { t: { date_range: { field: source.mapping.timestamp, format: "epoch_millis", ranges: slots.map((t) => ({ key: String(t), from: t - windowMs, to: t })) }, aggs: inner } };
    const aggs = rule.scope.perService ? { s: { terms: { field: source.mapping.service, size: Math.min(rule.scope.seriesCap, BACKTEST_MAX_SERIES) }, aggs: overTime } } : overTime;
    const filter = [timeRangeClause(source.mapping.timestamp, new Date(from), new Date(to), "lt"), ...scopeFilters(rule.scope, source), ...measureFilters(rule.measure, source)];
    return { source, body: { size: 0, track_total_hits: false, query: { bool: { filter } }, aggs } };
  });
  return { slots, stepMs, windowMs, bucketMs, bodies, notices };
}

type Bucket = Record<string, unknown> & { key?: unknown; key_as_string?: string };
type BucketList = { buckets?: Bucket[] | Record<string, Bucket>; sum_other_doc_count?: number };

/** Components per slot for one series' `t` aggregation. */
function windowsOf(plan: BacktestPlan, rule: AlertRuleInput, t: BucketList | undefined, source: MeasureSource): Map<number, Components> {
  const buckets = Array.isArray(t?.buckets) ? t.buckets : Object.values(t?.buckets ?? {});
  const out = new Map<number, Components>();
  if (plan.bucketMs === null) {
    for (const bucket of buckets) out.set(Number(bucket.key), readComponents(bucket, rule.measure, source));
    return out;
  }
  const byStart = new Map(buckets.map((bucket) => [Number(bucket.key), readComponents(bucket, rule.measure, source)]));
  for (const slot of plan.slots) {
    let sum = EMPTY_COMPONENTS;
    for (let start = slot - plan.windowMs; start < slot; start += plan.bucketMs) sum = addComponents(sum, byStart.get(start) ?? EMPTY_COMPONENTS);
    out.set(slot, sum);
  }
  return out;
}

export function replayBacktest(rule: AlertRuleInput, plan: BacktestPlan, answers: ReadonlyArray<Record<string, unknown> | undefined>): BacktestResult {
  // Per series key, per slot, the components added over sources.
  const perSeries = new Map<string, Map<number, Components>>();
  let seriesCapped = false;
  plan.bodies.forEach(({ source }, index) => {
    const aggs = answers[index];
    const groups: Array<[string, BucketList | undefined]> = rule.scope.perService
      ? ((aggs?.s as { buckets?: Bucket[]; sum_other_doc_count?: number } | undefined)?.buckets ?? []).map((bucket) => [String(bucket.key), bucket.t as BucketList])
      : [[ALL_SERVICES_SERIES, aggs?.t as BucketList | undefined]];
    if (((aggs?.s as BucketList | undefined)?.sum_other_doc_count ?? 0) > 0) seriesCapped = true;
    for (const [key, t] of groups) {
      const target = perSeries.get(key) ?? new Map<number, Components>();
      perSeries.set(key, target);
      for (const [slot, components] of windowsOf(plan, rule, t, source)) target.set(slot, addComponents(target.get(slot) ?? EMPTY_COMPONENTS, components));
    }
  });

  const states = new Map<string, SeriesState>();
  const series = new Map<string, BacktestSeries>();
  for (const key of perSeries.keys()) series.set(key, { seriesKey: key, points: [], spans: [], firedCount: 0, flapCount: 0 });
  for (const slot of plan.slots) {
    const stored: StoredSeries[] = [...states].map(([seriesKey, state]) => ({ id: seriesKey, seriesKey, state }));
    const reading = new Map([...perSeries].flatMap(([key, bySlot]) => {
      const components = bySlot.get(slot);
      // A service with no line in this window is not in the worker's answer either.
      return components && components.docs > 0 ? [[key, components] as const] : [];
    }));
    for (const step of evaluateRule({ rule, stored, observation: { kind: "reading", series: reading }, at: slot, silences: [] })) {
      states.set(step.seriesKey, step.result.state);
      const out = series.get(step.seriesKey)!;
      const status = step.result.state.status;
      out.points.push({ at: new Date(slot).toISOString(), value: step.result.state.lastValue, status });
      out.firedCount += step.result.notifications.filter((n) => n.kind === "firing").length;
      if (step.result.flapStarted) out.flapCount += 1;
      const last = out.spans.at(-1);
      if (status === "pending" || status === "firing") {
        if (last && last.status === status && last.to === new Date(slot).toISOString()) last.to = new Date(slot + plan.stepMs).toISOString();
        else out.spans.push({ status, from: new Date(slot).toISOString(), to: new Date(slot + plan.stepMs).toISOString() });
      }
    }
  }
  const list = [...series.values()].sort((a, b) => b.firedCount - a.firedCount || a.seriesKey.localeCompare(b.seriesKey));
  return {
    from: new Date(plan.slots[0]! - plan.windowMs).toISOString(),
    to: new Date(plan.slots.at(-1)!).toISOString(),
    stepSeconds: plan.stepMs / 1000,
    threshold: rule.condition.threshold,
    recoveryThreshold: rule.condition.recoveryThreshold,
    unit: MEASURE_UNITS[rule.measure.kind],
    series: list,
    firedCount: list.reduce((sum, s) => sum + s.firedCount, 0),
    flapCount: list.reduce((sum, s) => sum + s.flapCount, 0),
    seriesCapped,
    notices: [...plan.notices, ...(seriesCapped ? [`Only the busiest ${Math.min(rule.scope.seriesCap, BACKTEST_MAX_SERIES)} services are previewed.`] : [])],
  };
}
