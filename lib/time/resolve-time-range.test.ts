import { describe, expect, it } from "vitest";
import { resolveTimeRange } from "./resolve-time-range";

const now = new Date("2026-11-25T10:00:00Z");

describe("resolveTimeRange", () => {
  it("resolves a relative range", () => {
    const result = resolveTimeRange("now-1h", "now", now);
    expect(result).toEqual({ ok: true, range: { from: new Date("2026-11-25T09:00:00Z"), to: now } });
  });
  it("refuses from after to", () => {
    const result = resolveTimeRange("now", "now-1h", now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/must be before/);
  });
  it("refuses ranges over the maximum", () => {
    const result = resolveTimeRange("now-40d", "now", now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/31-day/);
  });
  it("names the field that failed", () => {
    const result = resolveTimeRange("now-1h", "tomorrow", now);
    expect(result).toMatchObject({ ok: false, field: "to" });
  });
});
