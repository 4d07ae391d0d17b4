import { describe, expect, it } from "vitest";
import { restoredHref, restoreViewState } from "./restore-view-state";

const range = { from: "2026-12-01T14:15:00.000Z", to: "2026-12-01T14:30:00.000Z" };

describe("restoreViewState", () => {
  it("restores a current link completely, with no note", () => {
    const restored = restoreViewState({ kind: "explorer", stateVersion: 1, state: { params: { ...range, q: "error", service: "gateway,orders" }, pathParams: {} } });
    expect(restored).toEqual({ kind: "explorer", path: "/logs", params: { ...range, q: "error", service: "gateway,orders" }, notes: [] });
  });

  it("restores what parses and names what does not (a value a parser refuses, a key the view lost)", () => {
    const restored = restoreViewState({ kind: "explorer", stateVersion: 1, state: { params: { ...range, size: "7", order: "sideways", oldKey: "x", q: "kept" }, pathParams: {} } });
    expect(restored.params).toEqual({ ...range, q: "kept" });
    expect(restored.notes).toHaveLength(1);
    expect(restored.notes[0]).toMatch(/size "7"/);
    expect(restored.notes[0]).toMatch(/order "sideways"/);
    expect(restored.notes[0]).toMatch(/oldKey \(no longer a setting of this view\)/);
  });

  it("opens the overview of the same range when the view kind is gone", () => {
    const restored = restoreViewState({ kind: "dashboards", stateVersion: 1, state: { params: { ...range, panel: "3" }, pathParams: {} } });
    expect(restored.kind).toBe("overview");
    expect(restored.params).toEqual(range);
    expect(restored.notes[0]).toMatch(/"dashboards"/);
  });

  it("says a link from a newer Triage may have lost settings", () => {
    expect(restoreViewState({ kind: "overview", stateVersion: 9, state: { params: range } }).notes[0]).toMatch(/newer Triage \(state version 9\)/);
  });

  it("survives a state that is not an object at all", () => {
    const restored = restoreViewState({ kind: "explorer", stateVersion: 1, state: "garbage" });
    expect(restored.path).toBe("/logs");
    expect(restored.notes[0]).toMatch(/could not be read at all/);
  });

  it("falls back to the overview when the drilldown's request id is missing", () => {
    const restored = restoreViewState({ kind: "request", stateVersion: 1, state: { params: { around: range.from }, pathParams: {} } });
    expect(restored.path).toBe("/");
    expect(restored.notes[0]).toMatch(/cannot be opened/);
  });

  it("builds the view's URL with every value strictly encoded and the banner marker", () => {
    const href = restoredHref({ path: "/requests/req%201", params: { around: range.from } }, { shared: "abc" });
    expect(href).toBe("/requests/req%201?around=2026-12-01T14%3A15%3A00.000Z&shared=abc");
  });
});
