import { describe, expect, it } from "vitest";
import { mergeServiceTotals, serviceLimitNotice, shapeErrorLines, shapeFacets, shapeRequestSeries } from "./shape-overview";

const classes = (s2: number, s3: number, s4: number, s5: number) => ({ buckets: { "2xx": { doc_count: s2 }, "3xx": { doc_count: s3 }, "4xx": { doc_count: s4 }, "5xx": { doc_count: s5 } } });

describe("shapeRequestSeries", () => {
  it("turns buckets into points with status classes and a computed rate; empty buckets are gaps", () => {
    const shaped = shapeRequestSeries({
      by_service: {
        sum_other_doc_count: 0,
        buckets: [{ key: "users", doc_count: 10, status_class: classes(6, 0, 1, 3), over_time: { buckets: [
          { key: 1000, doc_count: 10, status_class: classes(6, 0, 1, 3) },
          { key: 2000, doc_count: 0, status_class: classes(0, 0, 0, 0) },
        ] } }],
      },
    });
    expect(shaped.services).toEqual(["users"]);
    expect(shaped.points).toEqual([
      { time: 1000, service: "users", requests: 10, serverErrors: 3, errorRate: 0.3, status2xx: 6, status3xx: 0, status4xx: 1 },
      { time: 2000, service: "users", requests: 0, serverErrors: 0, errorRate: null, status2xx: 0, status3xx: 0, status4xx: 0 },
    ]);
    expect(shaped.totals).toEqual([{ service: "users", requests: 10, serverErrors: 3, errorRate: 0.3, status2xx: 6, status3xx: 0, status4xx: 1 }]);
  });
  it("is empty without aggregations", () => {
    expect(shapeRequestSeries(undefined)).toEqual({ services: [], points: [], totals: [], otherServiceLines: 0 });
  });
});

describe("shapeErrorLines and mergeServiceTotals", () => {
  it("counts ERROR and FATAL and joins them to the request totals", () => {
    const levels = (error: number, fatal: number) => ({ buckets: { error: { doc_count: error }, fatal: { doc_count: fatal } } });
    const errors = shapeErrorLines({
      by_service: { buckets: [
        { key: "users", doc_count: 4, level: levels(3, 1), over_time: { buckets: [{ key: 1000, doc_count: 4, level: levels(3, 1) }] } },
        { key: "worker", doc_count: 2, level: levels(2, 0), over_time: { buckets: [{ key: 1000, doc_count: 2, level: levels(2, 0) }] } },
      ] },
    });
    expect(errors.points).toEqual([{ time: 1000, service: "users", errorLines: 3, fatalLines: 1 }, { time: 1000, service: "worker", errorLines: 2, fatalLines: 0 }]);
    const merged = mergeServiceTotals([{ service: "users", requests: 10, serverErrors: 3, errorRate: 0.3, status2xx: 7, status3xx: 0, status4xx: 0 }], errors.totals);
    expect(merged).toEqual([
      { service: "users", requests: 10, serverErrors: 3, errorRate: 0.3, status2xx: 7, status3xx: 0, status4xx: 0, errorLines: 3, fatalLines: 1 },
      { service: "worker", requests: 0, serverErrors: 0, errorRate: null, status2xx: 0, status3xx: 0, status4xx: 0, errorLines: 2, fatalLines: 0 },
    ]);
  });
});

describe("shapeFacets and notices", () => {
  it("lists filter choices alphabetically", () => {
    expect(shapeFacets({ services: { buckets: [{ key: "users" }, { key: "auth" }] }, environments: { buckets: [{ key: "staging" }, { key: "production" }] } })).toEqual({
      services: ["auth", "users"],
      environments: ["production", "staging"],
    });
  });
  it("says when services were left out", () => {
    expect(serviceLimitNotice(0)).toBeNull();
    expect(serviceLimitNotice(1234)).toMatch(/20 busiest services.*1,234 lines/);
  });
});
