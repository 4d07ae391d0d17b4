import { describe, expect, it } from "vitest";
import { alertRuleInputSchema } from "@/lib/schemas/alert-rule";
import { newAlertHref } from "./new-alert-href";
import { newRuleValues } from "./new-rule-values";

describe("a new rule's values", () => {
  it("are a valid rule once named, with the scope 'alert on this' put in the URL", () => {
    const values = newRuleValues({ service: "users", measure: "error_rate" });
    expect(values.scope).toMatchObject({ services: ["users"], perService: true });
    expect(alertRuleInputSchema.safeParse(values).success).toBe(true);
    expect(alertRuleInputSchema.safeParse({ ...newRuleValues(), name: "" }).success).toBe(false);
    expect(newAlertHref({ service: "users", measure: "error_rate" })).toBe("/alerts/new?service=users&measure=error_rate");
    expect(newAlertHref({})).toBe("/alerts/new");
  });

  it("start each measure with its own inputs", () => {
    expect(newRuleValues({ measure: "latency_percentile" }).measure).toEqual({ kind: "latency_percentile", percentile: "p95" });
    expect(newRuleValues({ measure: "slow_statements", fingerprint: "0123456789abcdef" }).measure).toEqual({ kind: "slow_statements", fingerprint: "0123456789abcdef" });
    expect(newAlertHref({ measure: "slow_statements", fingerprint: "0123456789abcdef" })).toBe("/alerts/new?measure=slow_statements&fingerprint=0123456789abcdef");
    expect(newRuleValues({ measure: "query_count", query: "message:timeout" })).toMatchObject({ measure: { kind: "query_count", query: "message:timeout" }, scope: { query: "" } });
  });
});
