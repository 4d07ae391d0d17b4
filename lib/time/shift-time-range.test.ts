import { describe, expect, it } from "vitest";
import { shiftTimeRange, zoomOutTimeRange } from "./shift-time-range";

const now = new Date("2026-12-01T12:00:00.000Z");

describe("shifting a time range by its length", () => {
  it("moves an absolute range back and forward by exactly its length", () => {
    const range = { from: "2026-12-01T10:00:00.000Z", to: "2026-12-01T10:30:00.000Z" };
    expect(shiftTimeRange(range, -1, now)).toEqual({ from: "2026-12-01T09:30:00.000Z", to: "2026-12-01T10:00:00.000Z" });
    expect(shiftTimeRange(range, 1, now)).toEqual({ from: "2026-12-01T10:30:00.000Z", to: "2026-12-01T11:00:00.000Z" });
  });

  it("freezes a relative range when shifting it back", () => {
    expect(shiftTimeRange({ from: "now-15m", to: "now" }, -1, now)).toEqual({ from: "2026-12-01T11:30:00.000Z", to: "2026-12-01T11:45:00.000Z" });
  });

  it("never shifts forward past now, keeping the length", () => {
    const range = { from: "2026-12-01T11:00:00.000Z", to: "2026-12-01T11:40:00.000Z" };
    expect(shiftTimeRange(range, 1, now)).toEqual({ from: "2026-12-01T11:20:00.000Z", to: "2026-12-01T12:00:00.000Z" });
  });

  it("gives null for a range that does not resolve", () => {
    expect(shiftTimeRange({ from: "now", to: "now-1h" }, -1, now)).toBeNull();
    expect(zoomOutTimeRange({ from: "yesterday", to: "now" }, now)).toBeNull();
  });
});

describe("zooming out", () => {
  it("doubles an absolute range around its middle", () => {
    const range = { from: "2026-12-01T10:00:00.000Z", to: "2026-12-01T11:00:00.000Z" };
    expect(zoomOutTimeRange(range, now)).toEqual({ from: "2026-12-01T09:30:00.000Z", to: "2026-12-01T11:30:00.000Z" });
  });

  it("keeps a range ending at now live, in the largest exact unit", () => {
    expect(zoomOutTimeRange({ from: "now-1h", to: "now" }, now)).toEqual({ from: "now-2h", to: "now" });
    expect(zoomOutTimeRange({ from: "now-15m", to: "now" }, now)).toEqual({ from: "now-30m", to: "now" });
    expect(zoomOutTimeRange({ from: "now-12h", to: "now" }, now)).toEqual({ from: "now-1d", to: "now" });
  });

  it("holds the end at now and stops at the 31-day maximum", () => {
    const recent = { from: "2026-12-01T11:00:00.000Z", to: "2026-12-01T11:50:00.000Z" };
    expect(zoomOutTimeRange(recent, now)).toEqual({ from: "2026-12-01T10:20:00.000Z", to: "2026-12-01T12:00:00.000Z" });
    expect(zoomOutTimeRange({ from: "now-20d", to: "now" }, now)).toEqual({ from: "now-31d", to: "now" });
  });
});
