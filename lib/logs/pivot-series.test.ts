import { describe, expect, it } from "vitest";
import { pivotByService } from "./pivot-series";

const bucket = (key: number, services: Array<[string, number, number]>, other = 0) => ({
  key,
  doc_count: services.reduce((sum, [, count]) => sum + count, other),
  by_service: { sum_other_doc_count: other, buckets: services.map(([name, count, errors]) => ({ key: name, doc_count: count, status_class: { buckets: { "5xx": { doc_count: errors } } } })) },
});

describe("pivotByService", () => {
  const answer = { over_time: { buckets: [bucket(0, [["users", 5, 1], ["orders", 2, 0]]), bucket(60_000, [["orders", 9, 3]], 4)] } };

  it("ranks services by their total over the window and gives each every bucket, zeros included", () => {
    const pivoted = pivotByService(answer, 20) as { by_service: { buckets: Array<{ key: string; doc_count: number; status_class: unknown; over_time: { buckets: Array<{ key: number; doc_count: number; status_class: unknown }> } }>; sum_other_doc_count: number } };
    expect(pivoted.by_service.buckets.map((service) => [service.key, service.doc_count])).toEqual([["orders", 11], ["users", 5]]);
    expect(pivoted.by_service.buckets[0]!.status_class).toEqual({ buckets: { "5xx": { doc_count: 3 } } });
    expect(pivoted.by_service.buckets[1]!.over_time.buckets).toEqual([
      { key: 0, doc_count: 5, status_class: { buckets: { "5xx": { doc_count: 1 } } } },
      { key: 60_000, doc_count: 0, status_class: { buckets: { "5xx": { doc_count: 0 } } } },
    ]);
    expect(pivoted.by_service.sum_other_doc_count).toBe(4);
  });

  it("counts the services past the limit, and each bucket's own cut, as other lines", () => {
    const pivoted = pivotByService(answer, 1) as { by_service: { buckets: Array<{ key: string }>; sum_other_doc_count: number } };
    expect(pivoted.by_service.buckets.map((service) => service.key)).toEqual(["orders"]);
    expect(pivoted.by_service.sum_other_doc_count).toBe(4 + 5);
  });

  it("answers an empty window with no services", () => {
    expect(pivotByService(undefined, 20)).toEqual({ by_service: { buckets: [], sum_other_doc_count: 0 } });
  });
});
