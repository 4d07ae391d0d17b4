import { describe, expect, it } from "vitest";
import { findPeaks, toErrorRateRows } from "./error-rate-series";

const points = [
  { time: 2, service: "users", requests: 10, serverErrors: 5, errorRate: 0.5 },
  { time: 1, service: "users", requests: 10, serverErrors: 1, errorRate: 0.1 },
  { time: 1, service: "orders", requests: 0, serverErrors: 0, errorRate: null },
  { time: 3, service: "users", requests: 20, serverErrors: 5, errorRate: 0.25 },
];

describe("error rate series", () => {
  it("pivots points into rows per bucket", () => {
    expect(toErrorRateRows(points)).toEqual([
      { time: 1, users: 0.1, orders: null },
      { time: 2, users: 0.5 },
      { time: 3, users: 0.25 },
    ]);
  });
  it("finds each service's worst bucket, earliest on ties, skipping services without 5xx", () => {
    expect(findPeaks(points)).toEqual([{ service: "users", time: 2, errorRate: 0.5, serverErrors: 5, requests: 10 }]);
  });
});
