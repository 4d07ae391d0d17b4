import { describe, expect, it } from "vitest";
import type { ErrorLinePoint, OverviewPoint } from "@/lib/schemas/overview";
import { bucketSpan, toErrorCountRows, toStatusClassRows } from "./overview-series";

const point = (time: number, service: string, s2: number, s5: number): OverviewPoint => ({ time, service, requests: s2 + s5, serverErrors: s5, errorRate: s2 + s5 ? s5 / (s2 + s5) : null, status2xx: s2, status3xx: 0, status4xx: 0 });

describe("overview series", () => {
  it("picks one service's status classes in time order", () => {
    const rows = toStatusClassRows([point(2000, "users", 3, 1), point(1000, "users", 5, 0), point(1000, "auth", 9, 9)], "users");
    expect(rows).toEqual([
      { time: 1000, "2xx": 5, "3xx": 0, "4xx": 0, "5xx": 0 },
      { time: 2000, "2xx": 3, "3xx": 0, "4xx": 0, "5xx": 1 },
    ]);
  });
  it("adds ERROR and FATAL per service per bucket", () => {
    const points: ErrorLinePoint[] = [
      { time: 1000, service: "users", errorLines: 2, fatalLines: 1 },
      { time: 1000, service: "orders", errorLines: 1, fatalLines: 0 },
      { time: 0, service: "users", errorLines: 0, fatalLines: 0 },
    ];
    expect(toErrorCountRows(points)).toEqual([{ time: 0, users: 0 }, { time: 1000, users: 3, orders: 1 }]);
  });
  it("spans buckets in either drag direction, clipped to the queried range", () => {
    const range = { from: "2026-11-25T09:00:30.000Z", to: "2026-11-25T10:00:30.000Z" };
    const at = (iso: string) => Date.parse(iso);
    expect(bucketSpan(at("2026-11-25T09:20:00Z"), at("2026-11-25T09:10:00Z"), 60_000, range)).toEqual({ from: "2026-11-25T09:10:00.000Z", to: "2026-11-25T09:21:00.000Z" });
    expect(bucketSpan(at("2026-11-25T09:00:00Z"), at("2026-11-25T09:00:00Z"), 60_000, range)).toEqual({ from: "2026-11-25T09:00:30.000Z", to: "2026-11-25T09:01:00.000Z" });
    expect(bucketSpan(at("2026-11-25T10:00:00Z"), at("2026-11-25T10:00:00Z"), 60_000, range).to).toBe("2026-11-25T10:00:30.000Z");
  });
});
