import { describe, expect, it } from "vitest";
import { alignViewWindow } from "./align-window";

const at = (iso: string) => new Date(iso);

describe("alignViewWindow", () => {
  it("moves relative edges out to the bucket grid, keeping the interval of the range asked for", () => {
    const window = alignViewWindow({ from: "now-1h", to: "now" }, { from: at("2026-12-01T13:47:23.5Z"), to: at("2026-12-01T14:47:23.5Z") });
    expect(window.interval.label).toBe("1m");
    expect(window.from.toISOString()).toBe("2026-12-01T13:47:00.000Z");
    expect(window.to.toISOString()).toBe("2026-12-01T14:48:00.000Z");
    expect(window.aligned).toEqual({ from: true, to: true });
  });

  it("gives two viewers a few seconds apart within one bucket the same window", () => {
    const a = alignViewWindow({ from: "now-15m", to: "now" }, { from: at("2026-12-01T14:32:01Z"), to: at("2026-12-01T14:47:01Z") });
    const b = alignViewWindow({ from: "now-15m", to: "now" }, { from: at("2026-12-01T14:32:08Z"), to: at("2026-12-01T14:47:08Z") });
    expect(a.interval.label).toBe("10s");
    expect([a.from, a.to]).toEqual([b.from, b.to]);
  });

  it("leaves an edge already on the grid where it is", () => {
    const window = alignViewWindow({ from: "now-1h", to: "now" }, { from: at("2026-12-01T13:47:00Z"), to: at("2026-12-01T14:47:00Z") });
    expect(window.to.toISOString()).toBe("2026-12-01T14:47:00.000Z");
  });

  it("keeps absolute edges exactly as given", () => {
    const window = alignViewWindow({ from: "2026-12-01T13:47:23Z", to: "now" }, { from: at("2026-12-01T13:47:23Z"), to: at("2026-12-01T14:47:23Z") });
    expect(window.from.toISOString()).toBe("2026-12-01T13:47:23.000Z");
    expect(window.to.toISOString()).toBe("2026-12-01T14:48:00.000Z");
    expect(window.aligned).toEqual({ from: false, to: true });
  });
});
