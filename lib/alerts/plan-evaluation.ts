/**
 * Groups the measurements of many rules into as few `_msearch` bodies and requests as possible.
 * Rules with only structured filters (services, environment) share a body, one `filter`
 * aggregation each (with its own window), up to a bucket budget; a rule carrying a Lucene query
 * of its own gets a body to itself, so a query the engine rejects fails that rule alone. Bodies go
 * to the engine in at most 10 `_msearch` requests (100 bodies each, more past 1,000 bodies).
 * Aggregations only (size 0), bounded terms sizes. A slow_statements rule of one fingerprint
 * gets a body to itself too (its terms of distinct statements are the costly part), and sources of
 * PostgreSQL server lines are left out of slow_statements rules (the engine cannot count them).
 */
import type { AlertMeasure, AlertScope } from "@/lib/schemas/alert-rule";
import { ALL_SERVICES_SERIES } from "@/lib/schemas/alert-rule";
import { timeRangeClause } from "@/lib/logs/time-range-clause";
import { addComponents, measureAggregations, measureFilters, readComponents, scopeFilters, type Components, type MeasureSource } from "./measure-aggregations";
import { countsSlowStatements, SLOW_FINGERPRINT_TERMS, SLOW_STATEMENTS_SERVER_LOG } from "./slow-statement-measure";

export interface RuleMeasurement {
  id: string;
  measure: AlertMeasure;
  scope: AlertScope;
  windowMinutes: number;
  /** This rule's evaluation instant (its scheduled slot); the plan's `at` when absent. */
  at?: Date;
}

export interface PlannedBody {
  source: MeasureSource;
  body: Record<string, unknown>;
  /** Aggregation name of each rule in this body. */
  rules: Array<{ ruleId: string; agg: string }>;
}

export interface EvaluationPlan {
  bodies: PlannedBody[];
  /** Bodies per `_msearch` request, in order. */
  requests: PlannedBody[][];
  /** Rules no source can measure, with the reason (slow_statements over server-log sources only). */
  unmeasurable: Map<string, string>;
}

export const MAX_BODIES_PER_REQUEST = 100;
export const MAX_REQUESTS_PER_CYCLE = 10;
/** Buckets one body may create at worst (the engines' search.max_buckets default is 65,536). */
export const MAX_BUCKETS_PER_BODY = 20_000;
const MAX_RULES_PER_BODY = 250;
// Buckets per series: the rule's filter or service bucket plus the measure's single-bucket filters.
const BUCKETS_PER_SERIES = 3;

export function worstCaseSeries(scope: AlertScope): number {
  if (!scope.perService) return 1;
  return scope.services.length > 0 ? Math.min(scope.services.length, scope.seriesCap) : scope.seriesCap;
}

const isFingerprintCount = (rule: RuleMeasurement) => rule.measure.kind === "slow_statements" && Boolean(rule.measure.fingerprint);
const hasOwnQuery = (rule: RuleMeasurement) => rule.scope.query.trim() !== "" || rule.measure.kind === "query_count" || isFingerprintCount(rule);
const measuresOn = (rule: RuleMeasurement, source: MeasureSource) => rule.measure.kind !== "slow_statements" || countsSlowStatements(source);

/** Distinct statements read per series of a per-fingerprint count, so its body stays within the bucket budget. */
export function fingerprintTerms(scope: AlertScope): number {
  return Math.max(10, Math.min(SLOW_FINGERPRINT_TERMS, Math.floor(MAX_BUCKETS_PER_BODY / worstCaseSeries(scope))));
}

/** The per-rule aggregation: the rule's window and scope, then one series per service or one for all. */
export function ruleAggregation(rule: RuleMeasurement, source: MeasureSource, planAt: Date, inner?: Record<string, unknown>): Record<string, unknown> {
  const at = rule.at ?? planAt;
  const from = new Date(at.getTime() - rule.windowMinutes * 60_000);
  const filter = [timeRangeClause(source.mapping.timestamp, from, at, "lt"), ...scopeFilters(rule.scope, source), ...measureFilters(rule.measure, source)];
  const measure = inner ?? measureAggregations(rule.measure, source, { terms: fingerprintTerms(rule.scope) });
  const aggs = rule.scope.perService ? { s: { terms: { field: source.mapping.service, size: rule.scope.seriesCap }, aggs: measure } } : measure;
  return { filter: { bool: { filter } }, aggs };
}

function bodyFor(source: MeasureSource, rules: RuleMeasurement[], at: Date): PlannedBody {
  const from = new Date(Math.min(...rules.map((rule) => (rule.at ?? at).getTime() - rule.windowMinutes * 60_000)));
  const to = new Date(Math.max(...rules.map((rule) => (rule.at ?? at).getTime())));
  const aggs: Record<string, unknown> = {};
  const named = rules.map((rule, index) => {
    const agg = `r${index}`;
    aggs[agg] = ruleAggregation(rule, source, at);
    return { ruleId: rule.id, agg };
  });
  const body = { size: 0, track_total_hits: false, query: { bool: { filter: [timeRangeClause(source.mapping.timestamp, from, to, "lt")] } }, aggs };
  return { source, body, rules: named };
}

/** What a measurement depends on: rules that differ only in threshold, timing or name measure once. */
export function measurementKey(rule: RuleMeasurement, at: Date): string {
  const { services, environment, query, perService, seriesCap } = rule.scope;
  return JSON.stringify([rule.measure, [...services].sort(), environment ?? null, query.trim(), perService, perService ? seriesCap : 0, rule.windowMinutes, (rule.at ?? at).getTime()]);
}

export function planEvaluation(rules: readonly RuleMeasurement[], sources: readonly MeasureSource[], at: Date): EvaluationPlan {
  const sharing = new Map<string, RuleMeasurement[]>();
  for (const rule of rules) {
    const key = measurementKey(rule, at);
    sharing.set(key, [...(sharing.get(key) ?? []), rule]);
  }
  const alike = new Map([...sharing.values()].map((group) => [group[0]!.id, group]));
  const measurable = [...alike.values()].map((group) => group[0]!);
  // Similar windows side by side, so a shared body's time range is not much wider than its rules'.
  const ordered = [...measurable].sort((a, b) => a.windowMinutes - b.windowMinutes);
  const bodies: PlannedBody[] = [];
  for (const source of sources) {
    let batch: RuleMeasurement[] = [];
    let buckets = 0;
    const flush = () => {
      if (batch.length > 0) bodies.push(bodyFor(source, batch, at));
      batch = [];
      buckets = 0;
    };
    for (const rule of ordered) {
      if (!measuresOn(rule, source)) continue;
      if (hasOwnQuery(rule)) {
        bodies.push(bodyFor(source, [rule], at));
        continue;
      }
      const cost = worstCaseSeries(rule.scope) * BUCKETS_PER_SERIES;
      if (batch.length > 0 && (buckets + cost > MAX_BUCKETS_PER_BODY || batch.length >= MAX_RULES_PER_BODY)) flush();
      batch.push(rule);
      buckets += cost;
    }
    flush();
  }
  // Every rule reads its group's one aggregation.
  for (const planned of bodies) planned.rules = planned.rules.flatMap(({ ruleId, agg }) => alike.get(ruleId)!.map((rule) => ({ ruleId: rule.id, agg })));
  // 100 bodies a request, more when there are over 1,000 (many rules over several sources), so a
  // cycle never takes more than MAX_REQUESTS_PER_CYCLE round trips; the engine runs an _msearch's
  // searches side by side up to its own max_concurrent_searches.
  const perRequest = Math.max(MAX_BODIES_PER_REQUEST, Math.ceil(bodies.length / MAX_REQUESTS_PER_CYCLE));
  const requests: PlannedBody[][] = [];
  for (let i = 0; i < bodies.length; i += perRequest) requests.push(bodies.slice(i, i + perRequest));
  const unmeasurable = new Map<string, string>();
  for (const rule of measurable) {
    if (sources.length > 0 && !sources.some((source) => measuresOn(rule, source))) for (const alikeRule of alike.get(rule.id)!) unmeasurable.set(alikeRule.id, SLOW_STATEMENTS_SERVER_LOG);
  }
  return { bodies, requests, unmeasurable };
}

export interface RuleReading {
  /** Components per series key (a service, or "*"). */
  series: Map<string, Components>;
  /** True when a source had more services than the rule's series cap. */
  capped: boolean;
  /** Set when every source failed for this rule (the engine rejected its query, say). */
  error: string | null;
}

export type BodyAnswer = { aggregations?: Record<string, unknown>; error?: Error };

type Terms = { buckets?: Array<Record<string, unknown> & { key?: unknown }>; sum_other_doc_count?: number };

/** One rule's series from its aggregation in one body's answer. */
export function readRuleAggregation(rule: RuleMeasurement, agg: Record<string, unknown> | undefined, source: MeasureSource): { series: Map<string, Components>; capped: boolean } {
  const series = new Map<string, Components>();
  if (!rule.scope.perService) {
    series.set(ALL_SERVICES_SERIES, readComponents(agg, rule.measure, source));
    return { series, capped: false };
  }
  const terms = agg?.s as Terms | undefined;
  for (const bucket of terms?.buckets ?? []) series.set(String(bucket.key), readComponents(bucket, rule.measure, source));
  return { series, capped: (terms?.sum_other_doc_count ?? 0) > 0 };
}

/** Every planned rule's reading from the answers (in `plan.bodies` order), added up over sources. */
export function readEvaluation(plan: EvaluationPlan, rules: readonly RuleMeasurement[], answers: readonly BodyAnswer[]): Map<string, RuleReading> {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const readings = new Map<string, RuleReading & { answered: number; failures: string[] }>();
  plan.bodies.forEach((planned, index) => {
    const answer = answers[index];
    for (const { ruleId, agg } of planned.rules) {
      const rule = byId.get(ruleId)!;
      const reading = readings.get(ruleId) ?? { series: new Map<string, Components>(), capped: false, error: null, answered: 0, failures: [] as string[] };
      readings.set(ruleId, reading);
      if (!answer || answer.error) {
        reading.failures.push(answer?.error?.message ?? "no answer");
        continue;
      }
      reading.answered += 1;
      const read = readRuleAggregation(rule, answer.aggregations?.[agg] as Record<string, unknown> | undefined, planned.source);
      reading.capped ||= read.capped;
      for (const [key, components] of read.series) {
        const known = reading.series.get(key);
        reading.series.set(key, known ? addComponents(known, components) : components);
      }
    }
  });
  const read = new Map<string, RuleReading>(
    [...readings].map(([id, { series, capped, answered, failures }]) => [id, { series: capSeries(series, byId.get(id)!.scope), capped, error: answered === 0 ? (failures[0] ?? null) : null }]),
  );
  for (const [id, message] of plan.unmeasurable) read.set(id, { series: new Map(), capped: false, error: message });
  return read;
}

/** Several sources may each bring up to the cap; the busiest `seriesCap` services stand. */
function capSeries(series: Map<string, Components>, scope: AlertScope): Map<string, Components> {
  if (series.size <= scope.seriesCap) return series;
  return new Map([...series].sort((a, b) => b[1].docs - a[1].docs).slice(0, scope.seriesCap));
}
