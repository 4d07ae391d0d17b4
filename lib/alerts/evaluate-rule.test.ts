import { describe, expect, it } from "vitest";
import { alertRuleInputSchema } from "@/lib/schemas/alert-rule";
import { evaluateRule, type StoredSeries } from "./evaluate-rule";
import type { Components } from "./measure-aggregations";

const rule = (perService: boolean) =>
  alertRuleInputSchema.parse({ name: "r", severity: "warning", measure: { kind: "error_lines" }, scope: { perService }, condition: { comparator: "above", threshold: 2, windowMinutes: 5, intervalSeconds: 60 } });
const lines = (docs: number, matched: number): Components => ({ docs, requests: 0, errors: 0, matched, percentile: null });

describe("evaluateRule", () => {
  it("per service: one series per service read, stored ones not read are no data", () => {
    const first = evaluateRule({ rule: rule(true), stored: [], observation: { kind: "reading", series: new Map([["users", lines(10, 5)], ["orders", lines(3, 0)]]) }, at: 0, silences: [] });
    expect(first.map((s) => [s.seriesKey, s.result.state.status])).toEqual([["users", "firing"], ["orders", "ok"]]);
    const stored: StoredSeries[] = first.map((s, i) => ({ id: `id-${i}`, seriesKey: s.seriesKey, state: s.result.state }));
    const next = evaluateRule({ rule: rule(true), stored, observation: { kind: "reading", series: new Map([["orders", lines(3, 4)]]) }, at: 60_000, silences: [] });
    expect(next.map((s) => [s.id, s.seriesKey, s.observation.kind, s.result.state.status])).toEqual([
      ["id-0", "users", "nodata", "nodata"],
      ["id-1", "orders", "value", "firing"],
    ]);
  });

  it("over all services: the one '*' series, even before any data and on an engine error", () => {
    expect(evaluateRule({ rule: rule(false), stored: [], observation: { kind: "reading", series: new Map() }, at: 0, silences: [] }).map((s) => [s.seriesKey, s.result.state.status])).toEqual([["*", "nodata"]]);
    expect(evaluateRule({ rule: rule(false), stored: [], observation: { kind: "error", message: "refused" }, at: 0, silences: [] }).map((s) => s.result.state.status)).toEqual(["error"]);
    // A per-service rule never read has no series to mark; its rule-level error says it.
    expect(evaluateRule({ rule: rule(true), stored: [], observation: { kind: "error", message: "refused" }, at: 0, silences: [] })).toEqual([]);
  });

  it("a silence on one series holds that series' notifications only; a rule silence holds all", () => {
    const reading = { kind: "reading" as const, series: new Map([["users", lines(10, 5)], ["orders", lines(10, 5)]]) };
    const one = evaluateRule({ rule: rule(true), stored: [], observation: reading, at: 0, silences: [{ seriesKey: "users" }] });
    expect(one.map((s) => [s.seriesKey, s.result.notifications.length])).toEqual([["users", 0], ["orders", 1]]);
    const all = evaluateRule({ rule: rule(true), stored: [], observation: reading, at: 0, silences: [{ seriesKey: null }] });
    expect(all.every((s) => s.result.notifications.length === 0 && s.result.state.status === "firing")).toBe(true);
  });
});
