import { describe, expect, it } from "vitest";
import { buildNonEcsLogs } from "./non-ecs-logs";

describe("buildNonEcsLogs", () => {
  it("is deterministic and counts what it wrote", () => {
    const options = { count: 200, anchor: Date.parse("2024-05-01T12:00:00Z"), minutes: 30, seed: 3 };
    const { lines, truth } = buildNonEcsLogs(options);
    expect(buildNonEcsLogs(options)).toEqual({ lines, truth });
    expect(lines).toHaveLength(200);
    for (const [service, counts] of Object.entries(truth.services)) {
      const own = lines.filter((line) => line.service === service);
      expect(counts.lines).toBe(own.length);
      expect(counts.requests).toBe(own.filter((line) => line.status !== undefined).length);
      expect(counts.status5xx).toBe(own.filter((line) => (line.status ?? 0) >= 500).length);
    }
    expect(truth.services["checkout-api"]!.status5xx).toBeGreaterThan(0);
    expect(lines.every((line) => line.timestamp >= truth.from && line.timestamp < truth.to)).toBe(true);
  });
});
