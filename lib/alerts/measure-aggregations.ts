/**
 * What each measure asks the engine for under a bucket, and how to read it back. Shared by the
 * worker's window searches and the backtest's historical buckets, so both measure alike.
 */
import { levelClassClause } from "@/lib/logs/level-scheme";
import { resolveQueryFields } from "@/lib/logs/query-fields";
import type { AlertMeasure, AlertScope } from "@/lib/schemas/alert-rule";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { readSlowStatements, slowStatementAggregations, type SlowStatementOptions } from "./slow-statement-measure";

export interface MeasureSource {
  name: string;
  indexPattern: string;
  mapping: FieldMapping;
  defaultQueryFields?: string[];
}

/** The raw numbers of one series in one window, additive across sources and buckets (percentile aside). */
export interface Components {
  /** Lines in scope. */
  docs: number;
  /** Lines with a status, and the 5xx among them (error_rate). */
  requests: number;
  errors: number;
  /** Lines matching the measure's own filter (error_lines, query_count). */
  matched: number;
  /** The latency percentile in milliseconds; null when no line had a duration. */
  percentile: number | null;
}

export const EMPTY_COMPONENTS: Components = { docs: 0, requests: 0, errors: 0, matched: 0, percentile: null };

const MATCH_NONE = { bool: { must_not: [{ match_all: {} }] } };

export function queryStringClause(query: string, source: MeasureSource): Record<string, unknown> {
  return { query_string: { query, allow_leading_wildcard: false, lenient: true, default_operator: "AND", fields: resolveQueryFields(source) } };
}

/** The scope's filters (services, environment, extra query), without the time range. */
export function scopeFilters(scope: AlertScope, source: MeasureSource): unknown[] {
  const { mapping } = source;
  const filters: unknown[] = [];
  if (scope.services.length > 0) filters.push({ terms: { [mapping.service]: scope.services } });
  if (scope.environment) filters.push({ term: { [mapping.environment]: scope.environment } });
  if (scope.query.trim()) filters.push(queryStringClause(scope.query, source));
  return filters;
}

/**
 * Lines a measure can say anything about: an error rate reads only lines with a status, a
 * percentile only lines with a duration. So a per-service rule gets no series for a service that
 * logs none (the demo's PostgreSQL log has no HTTP status), which would otherwise sit in "no
 * data" for ever and put the whole rule there. Values are unchanged: the measures already count
 * only such lines. A known series whose lines stop is still "no data" (evaluateRule).
 */
export function measureFilters(measure: AlertMeasure, source: MeasureSource): unknown[] {
  if (measure.kind === "error_rate") return [{ exists: { field: source.mapping.status } }];
  if (measure.kind === "latency_percentile") return [{ exists: { field: source.mapping.duration } }];
  return [];
}

export function percentOf(measure: AlertMeasure): number | null {
  return measure.kind === "latency_percentile" ? Number(measure.percentile.slice(1)) : null;
}

/** Sub-aggregations that yield a measure's components under any bucket (aggregations only). */
export function measureAggregations(measure: AlertMeasure, source: MeasureSource, slow?: SlowStatementOptions): Record<string, unknown> {
  const { mapping } = source;
  switch (measure.kind) {
    case "error_rate":
      return { req: { filter: { exists: { field: mapping.status } }, aggs: { err: { filter: { range: { [mapping.status]: { gte: 500 } } } } } } };
    case "error_lines":
      return { m: { filter: levelClassClause(mapping.level, mapping.levelScheme, ["error", "fatal"]) ?? MATCH_NONE } };
    case "query_count":
      return { m: { filter: queryStringClause(measure.query, source) } };
    case "latency_percentile":
      return { lat: { percentiles: { field: mapping.duration, percents: [percentOf(measure)], keyed: false } } };
    case "slow_statements":
      return slowStatementAggregations(measure, source, slow);
  }
}

type Agg = { doc_count?: number; values?: Array<{ key?: number; value?: number | null }> | Record<string, number | null> } & Record<string, unknown>;

/** A bucket's components as `measureAggregations` asked for them. */
export function readComponents(bucket: Record<string, unknown> | undefined, measure: AlertMeasure, source: MeasureSource): Components {
  if (!bucket) return EMPTY_COMPONENTS;
  const docs = Number(bucket.doc_count ?? 0);
  const req = bucket.req as (Agg & { err?: Agg }) | undefined;
  const m = bucket.m as Agg | undefined;
  const matched = measure.kind === "slow_statements" ? readSlowStatements(m, measure) : Number(m?.doc_count ?? 0);
  let percentile: number | null = null;
  const values = (bucket.lat as Agg | undefined)?.values;
  const raw = Array.isArray(values) ? values[0]?.value : values ? Object.values(values)[0] : null;
  if (typeof raw === "number" && Number.isFinite(raw)) percentile = source.mapping.durationUnit === "ns" ? raw / 1e6 : raw;
  return { docs, requests: Number(req?.doc_count ?? 0), errors: Number(req?.err?.doc_count ?? 0), matched, percentile };
}

/** Adds two sets of components (sources, or buckets of one window); a percentile cannot be added, so the higher one stands. */
export function addComponents(a: Components, b: Components): Components {
  const percentile = a.percentile === null ? b.percentile : b.percentile === null ? a.percentile : Math.max(a.percentile, b.percentile);
  return { docs: a.docs + b.docs, requests: a.requests + b.requests, errors: a.errors + b.errors, matched: a.matched + b.matched, percentile };
}

/** The measured value, in the measure's unit; null is no data. */
export function measureValue(measure: AlertMeasure, c: Components): number | null {
  switch (measure.kind) {
    case "error_rate":
      return c.requests === 0 ? null : (100 * c.errors) / c.requests;
    case "error_lines":
    case "query_count":
    case "slow_statements":
      return c.docs === 0 ? null : c.matched;
    case "latency_percentile":
      return c.percentile;
  }
}
