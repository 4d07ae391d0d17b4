import { SERIES_AGG, seriesBuckets } from "./bucket-plan";
import { mergeAggregations } from "./merge-aggregations";

type Node = Record<string, unknown>;
interface TermBucket extends Node { key: string | number; doc_count: number }

/**
 * Turns a time-first series answer (over_time → by_service → counts) into the service-first
 * shape the overview's shapers read (by_service → counts and over_time), as the engine would
 * have answered a service-first search over the whole window: services ranked by their total,
 * the first `limit` kept, every bucket present for each (zeros where it logged nothing), the
 * rest counted in sum_other_doc_count. Time-first is what lets each bucket be cached alone; a
 * service cut from one bucket's top `limit` (only with more services than that) is counted in
 * that bucket's sum_other_doc_count, so totals stay exact.
 */
export function pivotByService(aggregations: Node | undefined, limit: number, terms = "by_service"): Node {
  const buckets = seriesBuckets(aggregations);
  type Entry = { key: string | number; doc_count: number; parts: Node[]; perBucket: Map<number, TermBucket> };
  const services = new Map<string, Entry>();
  let otherLines = 0;
  for (const bucket of buckets) {
    const inner = (bucket[terms] ?? {}) as { buckets?: TermBucket[]; sum_other_doc_count?: number };
    otherLines += inner.sum_other_doc_count ?? 0;
    for (const service of inner.buckets ?? []) {
      const id = JSON.stringify(service.key);
      const entry: Entry = services.get(id) ?? { key: service.key, doc_count: 0, parts: [], perBucket: new Map() };
      entry.doc_count += service.doc_count;
      entry.parts.push(subAggregations(service));
      entry.perBucket.set(bucket.key, service);
      services.set(id, entry);
    }
  }
  const ranked = [...services.values()].sort((a, b) => b.doc_count - a.doc_count || compareKeys(a.key, b.key));
  for (const cut of ranked.slice(limit)) otherLines += cut.doc_count;
  const template = ranked[0]?.parts[0];
  const serviceBuckets = ranked.slice(0, limit).map((service) => ({
    key: service.key,
    doc_count: service.doc_count,
    ...(mergeAggregations(service.parts) ?? {}),
    [SERIES_AGG]: {
      buckets: buckets.map((bucket) => {
        const found = service.perBucket.get(bucket.key);
        return { key: bucket.key, doc_count: found?.doc_count ?? 0, ...(found ? subAggregations(found) : zeroed(template ?? {})) };
      }),
    },
  }));
  return { [terms]: { buckets: serviceBuckets, sum_other_doc_count: otherLines } };
}

function subAggregations(bucket: Node): Node {
  const { key: _key, key_as_string: _label, doc_count: _count, ...rest } = bucket;
  return rest;
}

/** The same aggregation shape with every count at zero: a bucket where a service logged nothing. */
function zeroed(node: unknown): Node {
  if (Array.isArray(node)) return [] as unknown as Node;
  if (typeof node !== "object" || node === null) return node as Node;
  return Object.fromEntries(
    Object.entries(node).map(([name, value]) => {
      if (name === "doc_count" || name === "sum_other_doc_count" || name === "doc_count_error_upper_bound") return [name, 0];
      if (name === "buckets" && Array.isArray(value)) return [name, []];
      return [name, typeof value === "object" ? zeroed(value) : value];
    }),
  );
}

function compareKeys(a: string | number, b: string | number): number {
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
