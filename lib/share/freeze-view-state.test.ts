import { describe, expect, it } from "vitest";
import { freezeViewState } from "./freeze-view-state";

const now = new Date("2026-12-01T14:30:00.000Z");

describe("freezeViewState", () => {
  it("turns a relative range into the absolute minutes it meant at `now`, keeping the relative one for back-to-live", () => {
    const frozen = freezeViewState({ kind: "explorer", params: { from: "now-15m", to: "now", q: "status:500" }, pathParams: {}, senderTimeZone: "UTC" }, now);
    expect(frozen.params).toEqual({ from: "2026-12-01T14:15:00.000Z", to: "2026-12-01T14:30:00.000Z", q: "status:500" });
    expect(frozen.live).toEqual({ from: "now-15m", to: "now" });
  });

  it("freezes the default range when the URL has none, since that is what the view showed", () => {
    const frozen = freezeViewState({ kind: "overview", params: {}, pathParams: {}, senderTimeZone: "UTC" }, now);
    expect(frozen.params).toEqual({ from: "2026-12-01T13:30:00.000Z", to: "2026-12-01T14:30:00.000Z" });
  });

  it("keeps an absolute range as written and has no live range then", () => {
    const frozen = freezeViewState({ kind: "overview", params: { from: "2026-11-30T10:00:00.000Z", to: "2026-11-30T11:00:00.000Z" }, pathParams: {}, senderTimeZone: "UTC" }, now);
    expect(frozen.params.from).toBe("2026-11-30T10:00:00.000Z");
    expect(frozen.live).toBeNull();
  });

  it("drops auto-refresh, the banner marker and keys the view does not have", () => {
    const frozen = freezeViewState({ kind: "overview", params: { from: "now-1h", to: "now", refresh: "5s", shared: "x", bogus: "1", tz: "browser" }, pathParams: {}, senderTimeZone: "UTC" }, now);
    expect(Object.keys(frozen.params).sort()).toEqual(["from", "to", "tz"]);
  });

  it("pins a drilldown opened cold to `now`, and keeps one opened around a line", () => {
    expect(freezeViewState({ kind: "request", params: {}, pathParams: { id: "req-1" }, senderTimeZone: "UTC" }, now).params).toEqual({ around: now.toISOString() });
    expect(freezeViewState({ kind: "request", params: { around: "2026-11-30T10:00:00.000Z" }, pathParams: { id: "req-1" }, senderTimeZone: "UTC" }, now).params.around).toBe("2026-11-30T10:00:00.000Z");
  });

  it("adds no time to the alert list (it shows current state) and pins the rule page's chart to `now`", () => {
    const list = freezeViewState({ kind: "alerts", params: { state: "firing", from: "now-1h" }, pathParams: {}, senderTimeZone: "UTC" }, now);
    expect(list).toEqual({ params: { state: "firing" }, pathParams: {}, live: null });
    const rule = freezeViewState({ kind: "alert", params: { range: "7d" }, pathParams: { id: "3f0c3a52-8a43-4f9e-9b8e-3c1a2b7d6e10" }, senderTimeZone: "UTC" }, now);
    expect(rule.params).toEqual({ range: "7d", at: now.toISOString() });
  });
});
