import { describe, expect, it } from "vitest";
import { shapeErrorRate } from "./shape-error-rate";

describe("shapeErrorRate", () => {
  it("computes rates per bucket and leaves empty buckets as gaps", () => {
    const shaped = shapeErrorRate({
      by_service: {
        buckets: [
          {
            key: "users", doc_count: 12, server_errors_total: { doc_count: 3 },
            over_time: { buckets: [
              { key: 1000, doc_count: 8, server_errors: { doc_count: 2 } },
              { key: 2000, doc_count: 0, server_errors: { doc_count: 0 } },
              { key: 3000, doc_count: 4, server_errors: { doc_count: 1 } },
            ] },
          },
        ],
      },
    });
    expect(shaped.services).toEqual(["users"]);
    expect(shaped.points.map((p) => p.errorRate)).toEqual([0.25, null, 0.25]);
    expect(shaped.totals).toEqual([{ service: "users", requests: 12, serverErrors: 3, errorRate: 0.25 }]);
  });

  it("returns empty shapes when there is no data", () => {
    expect(shapeErrorRate(undefined)).toEqual({ services: [], points: [], totals: [] });
  });
});
