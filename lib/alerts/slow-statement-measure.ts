/**
 * The slow_statements measure: statement lines at or over the rule's slow threshold. Fingerprints
 * are computed in our code (PostgreSQL's parser), not by the engine, so a per-fingerprint count
 * asks for a terms aggregation of the distinct statements under each bucket and adds up those of
 * the rule's fingerprint; when the statements of the fingerprint are already known (the backtest
 * reads them first), a plain terms filter counts them instead.
 */
import type { AlertMeasure } from "@/lib/schemas/alert-rule";
import { fingerprintStatement } from "@/lib/sql/fingerprint";
import { slowStatementFields } from "@/lib/sql/slow-statement-fields";
import type { MeasureSource } from "./measure-aggregations";

type SlowMeasure = Extract<AlertMeasure, { kind: "slow_statements" }>;

/** Distinct statements one per-fingerprint bucket reads at most (and fewer when there are many series). */
export const SLOW_FINGERPRINT_TERMS = 1_000;
/** DESIGN.md's default slow threshold, for a measure read before the context's threshold was filled in. */
export const FALLBACK_SLOW_THRESHOLD_MS = 500;

export const SLOW_STATEMENTS_SERVER_LOG =
  "slow_statements cannot be counted on sources whose statements are PostgreSQL server lines (statementFormat server-log): the duration is inside the message, which the engine cannot range-filter; use a source with a statement field";

/** PostgreSQL's own server lines carry the duration inside the message: the engine cannot count them. */
export const countsSlowStatements = (source: MeasureSource) => source.mapping.statementFormat !== "server-log";

export interface SlowStatementOptions {
  /** Terms size for a per-fingerprint count (SLOW_FINGERPRINT_TERMS when absent). */
  terms?: number;
  /** The fingerprint's statements in this source, read beforehand: counted with a terms filter. */
  statements?: readonly string[];
}

export function slowStatementAggregations(measure: SlowMeasure, source: MeasureSource, options: SlowStatementOptions = {}): Record<string, unknown> {
  const fields = slowStatementFields(source.mapping);
  const thresholdMs = measure.thresholdMs ?? FALLBACK_SLOW_THRESHOLD_MS;
  const filter: unknown[] = [{ exists: { field: fields.statement } }, { range: { [fields.duration]: { gte: thresholdMs * fields.perMs } } }];
  if (measure.fingerprint && options.statements) filter.push({ terms: { [fields.keyword]: [...options.statements] } });
  const slow: Record<string, unknown> = { filter: { bool: { filter } } };
  if (measure.fingerprint && !options.statements) slow.aggs = { st: { terms: { field: fields.keyword, size: options.terms ?? SLOW_FINGERPRINT_TERMS } } };
  return { m: slow };
}

type Terms = { buckets?: Array<{ key?: unknown; doc_count?: number }> };

// The same statements come back under every series and every cycle; the parser takes ~0.13 ms
// each, so 100 series × 200 statements would be seconds of a cycle without this memo.
const MEMO_SIZE = 20_000;
const memo = new Map<string, string>();
function fingerprintOf(statement: string): string {
  let fingerprint = memo.get(statement);
  if (fingerprint === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    fingerprint = fingerprintStatement(statement).fingerprint;
    memo.set(statement, fingerprint);
  }
  return fingerprint;
}

/** Slow statements under one bucket: the filter's count, or the fingerprint's statements among the terms read (parser loaded). */
export function readSlowStatements(m: (Record<string, unknown> & { doc_count?: number; st?: Terms }) | undefined, measure: SlowMeasure): number {
  if (!m) return 0;
  if (!measure.fingerprint || !m.st) return Number(m.doc_count ?? 0);
  let count = 0;
  for (const bucket of m.st.buckets ?? []) if (fingerprintOf(String(bucket.key)) === measure.fingerprint) count += Number(bucket.doc_count ?? 0);
  return count;
}

/** The measure with its threshold filled in from the deployment's, so planning and its key see the number used. */
export function withSlowThreshold(measure: AlertMeasure, thresholdMs: number | undefined): AlertMeasure {
  if (measure.kind !== "slow_statements" || measure.thresholdMs !== undefined) return measure;
  return { ...measure, thresholdMs: thresholdMs ?? FALLBACK_SLOW_THRESHOLD_MS };
}

export const needsSqlParser = (measures: readonly AlertMeasure[]) => measures.some((measure) => measure.kind === "slow_statements" && measure.fingerprint);
