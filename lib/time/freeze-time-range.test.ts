import { describe, expect, it } from "vitest";
import { freezeTimeRange } from "./freeze-time-range";

const now = new Date("2026-11-25T10:07:31.250Z");

describe("freezeTimeRange", () => {
  it("resolves relative bounds at the given instant", () => {
    expect(freezeTimeRange("now-15m", "now", now)).toEqual({ from: "2026-11-25T09:52:31.250Z", to: "2026-11-25T10:07:31.250Z" });
  });
  it("applies rounding the way the server does (UTC)", () => {
    expect(freezeTimeRange("now-1d/d", "now/d", now)).toEqual({ from: "2026-11-24T00:00:00.000Z", to: "2026-11-25T00:00:00.000Z" });
  });
  it("keeps absolute bounds exactly as written", () => {
    expect(freezeTimeRange("2026-11-25T09:00:00Z", "now", now)).toEqual({ from: "2026-11-25T09:00:00Z", to: "2026-11-25T10:07:31.250Z" });
  });
  it("keeps a bound that does not parse, so the reader sees the same error", () => {
    expect(freezeTimeRange("garbage", "now", now)).toEqual({ from: "garbage", to: "2026-11-25T10:07:31.250Z" });
  });
  it("tolerates surrounding spaces in relative bounds", () => {
    expect(freezeTimeRange(" now-1h ", "now", now).from).toBe("2026-11-25T09:07:31.250Z");
  });
});
