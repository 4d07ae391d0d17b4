import { describe, expect, it } from "vitest";
import { describeChange, ruleChanges } from "./rule-changes";

describe("ruleChanges", () => {
  it("names each changed leaf by its dotted path, arrays as a whole, in path order", () => {
    const before = { name: "users 5xx", condition: { threshold: 5, windowMinutes: 5 }, labels: { team: "identity" }, scope: { services: ["users"] } };
    const after = { name: "users 5xx", condition: { threshold: 10, windowMinutes: 5 }, labels: { team: "identity", tier: "gold" }, scope: { services: ["users", "orders"] } };
    expect(ruleChanges(before, after)).toEqual([
      { field: "condition.threshold", before: 5, after: 10 },
      { field: "labels.tier", before: null, after: "gold" },
      { field: "scope.services", before: ["users"], after: ["users", "orders"] },
    ]);
  });

  it("finds nothing between equal rules, and everything against an empty one", () => {
    const rule = { name: "a", condition: { threshold: 1 } };
    expect(ruleChanges(rule, structuredClone(rule))).toEqual([]);
    expect(ruleChanges({}, rule).map((change) => change.field)).toEqual(["condition.threshold", "name"]);
  });

  it("treats a measure that changed kind as field changes a reader can follow", () => {
    expect(ruleChanges({ measure: { kind: "latency_percentile", percentile: "p95" } }, { measure: { kind: "error_rate" } }).map(describeChange)).toEqual([
      'measure.kind: "latency_percentile" → "error_rate"',
      'measure.percentile: "p95" → (none)',
    ]);
  });
});
