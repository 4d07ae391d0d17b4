import { describe, expect, it } from "vitest";
import { mergeAggregations } from "./merge-aggregations";

const histogram = (counts: number[]) => ({ buckets: counts.map((doc_count, i) => ({ key: 1_000 * i, key_as_string: new Date(1_000 * i).toISOString(), doc_count })) });

describe("mergeAggregations", () => {
  it("adds terms buckets by key, keeps other-counts exact, and re-ranks by count", () => {
    const merged = mergeAggregations([
      { by_service: { sum_other_doc_count: 3, doc_count_error_upper_bound: 0, buckets: [{ key: "orders", doc_count: 10 }, { key: "users", doc_count: 4 }] } },
      { by_service: { sum_other_doc_count: 1, doc_count_error_upper_bound: 0, buckets: [{ key: "gateway", doc_count: 9 }, { key: "users", doc_count: 8 }] } },
    ]);
    expect(merged).toEqual({
      by_service: { sum_other_doc_count: 4, doc_count_error_upper_bound: 0, buckets: [{ key: "users", doc_count: 12 }, { key: "orders", doc_count: 10 }, { key: "gateway", doc_count: 9 }] },
    });
  });

  it("adds sub-aggregations inside matching buckets: histograms by edge, filters by name", () => {
    const source = (a: number[], fiveXx: number) => ({
      by_service: { buckets: [{ key: "payments", doc_count: a.reduce((x, y) => x + y, 0), over_time: histogram(a), status_class: { buckets: { "2xx": { doc_count: 1 }, "5xx": { doc_count: fiveXx } } } }] },
    });
    const merged = mergeAggregations([source([1, 2, 3], 2), source([10, 0, 5], 7)]) as { by_service: { buckets: { doc_count: number; over_time: ReturnType<typeof histogram>; status_class: unknown }[] } };
    const payments = merged.by_service.buckets[0]!;
    expect(payments.doc_count).toBe(21);
    expect(payments.over_time.buckets.map((bucket) => [bucket.key, bucket.doc_count])).toEqual([[0, 11], [1_000, 2], [2_000, 8]]);
    expect(payments.status_class).toEqual({ buckets: { "2xx": { doc_count: 2 }, "5xx": { doc_count: 9 } } });
  });

  it("merges composite buckets by their whole key and keeps them in key order", () => {
    const merged = mergeAggregations([
      { failing: { after_key: { path: "/b", service: "x" }, buckets: [{ key: { path: "/b", service: "x" }, doc_count: 2 }] } },
      { failing: { after_key: { path: "/c", service: "y" }, buckets: [{ key: { path: "/a", service: "y" }, doc_count: 1 }, { key: { path: "/b", service: "x" }, doc_count: 5 }] } },
    ]) as { failing: { buckets: { key: unknown; doc_count: number }[] } };
    expect(merged.failing.buckets).toEqual([{ key: { path: "/a", service: "y" }, doc_count: 1 }, { key: { path: "/b", service: "x" }, doc_count: 7 }]);
  });

  it("takes a source's aggregations as they are when it is the only one, or when the others answered nothing", () => {
    const only = { a: { buckets: [{ key: "x", doc_count: 1 }] } };
    expect(mergeAggregations([only])).toBe(only);
    expect(mergeAggregations([undefined, only, undefined])).toBe(only);
    expect(mergeAggregations([])).toBeUndefined();
  });

  it("fills in buckets and aggregations only one source has", () => {
    expect(mergeAggregations([{ a: { doc_count: 1 } }, { a: { doc_count: 2, extra: { buckets: [] } }, b: { doc_count: 3 } }])).toEqual({ a: { doc_count: 3, extra: { buckets: [] } }, b: { doc_count: 3 } });
  });
});
