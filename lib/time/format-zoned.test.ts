import { describe, expect, it } from "vitest";
import { formatClock, formatDateTimeIn, formatRangeIn, timeZoneLabel } from "./format-zoned";

const t = Date.parse("2026-11-25T09:05:07.000Z");

describe("zoned formatting", () => {
  it("formats UTC from the ISO string", () => {
    expect(formatClock(t, "utc")).toBe("09:05");
    expect(formatClock(t, "utc", true)).toBe("09:05:07");
    expect(formatDateTimeIn(t, "utc")).toBe("2026-11-25 09:05");
    expect(timeZoneLabel("utc")).toBe("UTC");
  });
  it("formats browser time with the local clock", () => {
    const local = new Date(t);
    const expected = `${String(local.getHours()).padStart(2, "0")}:${String(local.getMinutes()).padStart(2, "0")}`;
    expect(formatClock(t, "browser")).toBe(expected);
    expect(timeZoneLabel("browser")).not.toBe("");
  });
  it("writes a range with the date once when both ends share it", () => {
    expect(formatRangeIn(t, t + 15 * 60_000, "utc")).toBe("2026-11-25 09:05:07 → 09:20:07 UTC");
    expect(formatRangeIn(t, t + 86_400_000, "utc")).toBe("2026-11-25 09:05:07 → 2026-11-26 09:05:07 UTC");
  });
});
