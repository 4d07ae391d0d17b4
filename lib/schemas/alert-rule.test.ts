import { describe, expect, it } from "vitest";
import { alertRuleInputSchema } from "./alert-rule";
import { contactPointInputSchema } from "./contact-point";

const valid = { name: "5xx", severity: "critical", measure: { kind: "error_rate" }, condition: { comparator: "above", threshold: 5, windowMinutes: 5, intervalSeconds: 60 } };
const fieldErrors = (input: unknown) => {
  const parsed = alertRuleInputSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("alertRuleInputSchema", () => {
  it("fills the defaults", () => {
    const rule = alertRuleInputSchema.parse(valid);
    expect(rule.scope).toEqual({ services: [], query: "", perService: false, seriesCap: 500 });
    expect(rule.flapping).toEqual({ changes: 4, evaluations: 20 });
    expect(rule).toMatchObject({ noData: "keep", engineError: "alert", enabled: true, contactPointIds: [] });
  });

  it("refuses bad input field by field", () => {
    expect(fieldErrors({ ...valid, name: "a\u0000b" })).toHaveProperty("name");
    expect(fieldErrors({ ...valid, condition: { ...valid.condition, windowMinutes: 1, intervalSeconds: 120 } })).toHaveProperty("condition.windowMinutes");
    expect(fieldErrors({ ...valid, condition: { ...valid.condition, intervalSeconds: 5 } })).toHaveProperty("condition.intervalSeconds");
    expect(fieldErrors({ ...valid, condition: { ...valid.condition, windowMinutes: 2000 } })).toHaveProperty("condition.windowMinutes");
    expect(fieldErrors({ ...valid, condition: { ...valid.condition, threshold: 150 } })).toHaveProperty("condition.threshold");
    expect(fieldErrors({ ...valid, condition: { ...valid.condition, recoveryThreshold: 9 } })).toHaveProperty("condition.recoveryThreshold");
    expect(fieldErrors({ ...valid, measure: { kind: "latency_percentile", percentile: "p42" } })).toHaveProperty("measure.percentile");
    expect(fieldErrors({ ...valid, measure: { kind: "query_count", query: "status:(500" } })["measure.query"]).toMatch(/column/);
    expect(fieldErrors({ ...valid, scope: { seriesCap: 5000 } })).toHaveProperty("scope.seriesCap");
    expect(fieldErrors({ ...valid, flapping: { changes: 30, evaluations: 20 } })).toHaveProperty("flapping.changes");
    expect(fieldErrors({ ...valid, runbookUrl: "javascript:alert(1)" })).toHaveProperty("runbookUrl");
  });
});

describe("contactPointInputSchema", () => {
  it("checks the URL with the webhook URL rules and wants a routing key for PagerDuty", () => {
    expect(contactPointInputSchema.safeParse({ name: "x", kind: "webhook", url: "https://user:pw@hooks.example/x" }).success).toBe(false);
    expect(contactPointInputSchema.safeParse({ name: "x", kind: "webhook", url: "ftp://hooks.example/x" }).success).toBe(false);
    expect(contactPointInputSchema.safeParse({ name: "pd", kind: "pagerduty", url: "https://events.pagerduty.com/v2/enqueue" }).success).toBe(false);
    expect(contactPointInputSchema.parse({ name: "slack", kind: "slack", url: "https://hooks.slack.com/services/T/B/x" }).enabled).toBe(true);
  });
});
