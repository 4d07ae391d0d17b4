import type { FieldTopValues, LogHistogram } from "@/lib/schemas/log-search";

interface SortedHit {
  sort?: unknown[];
}

export type FirstPageCut<H> =
  | { kind: "complete"; shown: H[] }
  /** More lines follow; page 2 (read in a point in time) starts at the first line at `boundary`. */
  | { kind: "cut"; shown: H[]; boundary: unknown }
  /** size + 1 lines share one timestamp: only a point in time's tiebreaker can page through them. */
  | { kind: "all-tied"; shown: H[] };

/**
 * The live first page is sorted by time alone and fetched with one line extra. Lines sharing a
 * timestamp may be split arbitrarily across the page's end, so the run at the extra line's
 * timestamp is left for page 2, which starts at that timestamp with every line of the run.
 * Usually the extra line's timestamp differs and the page keeps all `size` lines.
 */
export function cutFirstPage<H extends SortedHit>(hits: H[], size: number): FirstPageCut<H> {
  if (hits.length <= size) return { kind: "complete", shown: hits };
  const boundary = hits[size]?.sort?.[0];
  let keep = size;
  while (keep > 0 && hits[keep - 1]?.sort?.[0] === boundary) keep--;
  if (keep === 0) return { kind: "all-tied", shown: hits.slice(0, size) };
  return { kind: "cut", shown: hits.slice(0, keep), boundary };
}

interface HistogramAgg {
  buckets?: Array<{ key: number; doc_count: number }>;
}
interface TermsAgg {
  buckets?: Array<{ key: string | number; key_as_string?: string; doc_count: number }>;
  sum_other_doc_count?: number;
}

export function shapeHistogram(aggregations: Record<string, unknown> | undefined, interval: { label: string; ms: number }): LogHistogram {
  const buckets = (aggregations?.["histogram"] as HistogramAgg | undefined)?.buckets ?? [];
  return { interval: interval.label, intervalMs: interval.ms, buckets: buckets.map((bucket) => ({ time: bucket.key, count: bucket.doc_count })) };
}

export interface TopValuesField {
  name: string;
  field: string;
  label: string;
  /** How people read a stored value (levelName for the level field); the value itself stays what filters use. */
  valueLabel?: (key: string | number) => string | null;
}

function labelled(bucket: { key: string | number; key_as_string?: string; doc_count: number }, valueLabel: TopValuesField["valueLabel"]) {
  // Booleans and dates come back as numbers with a readable key_as_string.
  const value = bucket.key_as_string ?? String(bucket.key);
  const label = valueLabel?.(bucket.key) ?? null;
  return label !== null && label !== value ? { value, count: bucket.doc_count, label } : { value, count: bucket.doc_count };
}

export function shapeTopValues(aggregations: Record<string, unknown> | undefined, fields: TopValuesField[]): FieldTopValues[] {
  return fields.map(({ name, field, label, valueLabel }) => {
    const agg = aggregations?.[name] as TermsAgg | undefined;
    return {
      field: label,
      countedField: field,
      values: (agg?.buckets ?? []).map((bucket) => labelled(bucket, valueLabel)),
      other: agg?.sum_other_doc_count ?? 0,
    };
  });
}
