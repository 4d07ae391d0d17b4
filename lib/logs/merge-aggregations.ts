/**
 * Adds up the aggregation answers of the same search sent to several log sources, so a view over
 * many sources is shaped exactly like a view over one. Sources are searched with their own field
 * names but the same aggregation names, so buckets meet by key: a service that logs to two
 * sources is one bucket, and date histograms share their edges (same interval and bounds).
 *
 * Counts add up exactly for every key each source returned. A key that one source cut from its
 * top-N (terms `size`) is missing that source's share; every source's cut still lands in
 * `sum_other_doc_count`, so totals stay exact. Metric answers (`{ value }`: min, max, sum,
 * cardinality) do not add up alike, so the first source's is kept: searches merged here count with buckets.
 */
export type Aggregations = Record<string, unknown>;

type Bucket = Record<string, unknown> & { key?: unknown; doc_count?: number };

const ADDITIVE = new Set(["doc_count", "sum_other_doc_count", "doc_count_error_upper_bound"]);
const BUCKET_META = new Set(["key", "key_as_string", "from", "to", "from_as_string", "to_as_string"]);

export function mergeAggregations(answers: (Aggregations | undefined)[]): Aggregations | undefined {
  const present = answers.filter((answer): answer is Aggregations => answer !== undefined && answer !== null);
  if (present.length <= 1) return present[0];
  return present.reduce((merged, next) => mergeNode(merged, next) as Aggregations);
}

function mergeNode(a: unknown, b: unknown): unknown {
  if (!isObject(a) || !isObject(b)) return a ?? b;
  const merged: Record<string, unknown> = { ...a };
  for (const [name, value] of Object.entries(b)) {
    const mine = a[name];
    if (mine === undefined) merged[name] = value;
    else if (ADDITIVE.has(name) && typeof mine === "number" && typeof value === "number") merged[name] = mine + value;
    else if (name === "buckets") merged[name] = mergeBuckets(mine, value);
    else if (BUCKET_META.has(name) || name === "after_key" || name === "meta") merged[name] = mine;
    else merged[name] = mergeNode(mine, value);
  }
  return merged;
}

/** Terms, histogram and composite buckets are arrays matched by key; filters buckets are keyed objects. */
function mergeBuckets(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) {
    const byKey = new Map<string, Bucket>();
    for (const bucket of [...(a as Bucket[]), ...(b as Bucket[])]) {
      const key = JSON.stringify(bucket.key);
      const seen = byKey.get(key);
      byKey.set(key, seen ? (mergeNode(seen, bucket) as Bucket) : bucket);
    }
    const buckets = [...byKey.values()];
    return isTermsLike(a as Bucket[]) ? buckets.sort((x, y) => (y.doc_count ?? 0) - (x.doc_count ?? 0)) : buckets.sort(byKeyAscending);
  }
  if (isObject(a) && isObject(b)) return mergeNode(a, b);
  return a ?? b;
}

/** Terms buckets come most-counted first; histogram buckets (and composite pages) in key order. */
function isTermsLike(buckets: Bucket[]): boolean {
  const first = buckets[0];
  if (!first) return true;
  if ("key_as_string" in first && typeof first.key === "number") return false;
  return typeof first.key !== "object" || first.key === null;
}

function byKeyAscending(x: Bucket, y: Bucket): number {
  if (typeof x.key === "number" && typeof y.key === "number") return x.key - y.key;
  const left = JSON.stringify(x.key);
  const right = JSON.stringify(y.key);
  return left < right ? -1 : left > right ? 1 : 0;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
