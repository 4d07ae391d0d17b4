import { describe, expect, it } from "vitest";
import { checkTimeRange, MAX_RANGE_MS, resolveTimeRange } from "./resolve-time-range";

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
  it("refuses expressions that leave the dates JavaScript can hold, instead of failing later", () => {
    expect(resolveTimeRange("now-1h", "now+999999999y", now)).toMatchObject({ ok: false, field: "to", message: expect.stringMatching(/outside the dates/) });
    expect(resolveTimeRange("now-99999999999999d", "now", now)).toMatchObject({ ok: false, field: "from" });
  });
});

describe("checkTimeRange", () => {
  const to = new Date("2026-11-25T10:00:00Z");
  it("applies the URL's limits to dates that arrive already resolved", () => {
    expect(checkTimeRange(new Date(to.getTime() - MAX_RANGE_MS), to).ok).toBe(true);
    expect(checkTimeRange(new Date(to.getTime() - MAX_RANGE_MS - 1), to)).toMatchObject({ ok: false, message: expect.stringMatching(/31-day/) });
    expect(checkTimeRange(to, to)).toMatchObject({ ok: false, message: expect.stringMatching(/must be before/) });
    expect(checkTimeRange(new Date(-1e17), to)).toMatchObject({ ok: false, field: "from" });
    expect(checkTimeRange(to, new Date(9e15))).toMatchObject({ ok: false, field: "to" });
  });
});
