import { describe, expect, it } from "vitest";
import { isRelativeExpression, parseTimeExpression } from "./parse-time-expression";

const now = new Date("2026-11-25T10:37:45.123Z");
const iso = (input: string) => {
  const result = parseTimeExpression(input, now);
  if (!result.ok) throw new Error(result.message);
  return result.date.toISOString();
};

describe("parseTimeExpression", () => {
  it.each([
    ["now", "2026-11-25T10:37:45.123Z"],
    ["now-15m", "2026-11-25T10:22:45.123Z"],
    ["now-1h", "2026-11-25T09:37:45.123Z"],
    ["now-1d/d", "2026-11-24T00:00:00.000Z"],
    ["now/h", "2026-11-25T10:00:00.000Z"],
    ["now/d+30m", "2026-11-25T00:30:00.000Z"],
    ["now-1M", "2026-10-25T10:37:45.123Z"],
    ["now/w", "2026-11-23T00:00:00.000Z"],
    ["2026-11-25T08:00:00Z", "2026-11-25T08:00:00.000Z"],
    ["1764064800000", "2025-11-25T10:00:00.000Z"],
  ])("%s resolves to %s", (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each(["", "yesterday", "now-15x", "2026-13-45", "now--1m", "<script>"])("refuses %j with a readable message", (input) => {
    const result = parseTimeExpression(input, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(5);
  });

  it("knows relative from absolute", () => {
    expect(isRelativeExpression("now-15m")).toBe(true);
    expect(isRelativeExpression("2026-11-25T08:00:00Z")).toBe(false);
  });
});
