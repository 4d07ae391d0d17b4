import { describe, expect, it } from "vitest";
import { notificationBody, problemNotificationContent, seriesNotificationContent, type SeriesNotificationInput } from "./notification-content";
import { retryDelayMs } from "./retry-delay";

const input: SeriesNotificationInput = {
  kind: "firing",
  rule: { id: "rule-1", name: "5xx rate", severity: "critical", runbookUrl: "https://runbooks.example/5xx", labels: { team: "users" }, measure: { kind: "error_rate" }, windowMinutes: 5, comparator: "above", threshold: 20 },
  seriesKey: "users",
  value: 41.25,
  startedAt: new Date("2026-12-01T11:40:00Z"),
  at: new Date("2026-12-01T11:43:00Z"),
  appUrl: "https://triage.example",
};

describe("notification content", () => {
  it("says which rule, service, value, threshold, window and start, and links to the episode's range for that service", () => {
    const content = seriesNotificationContent(input);
    expect(content).toMatchObject({ kind: "firing", service: "users", value: 41.25, threshold: 20, windowMinutes: 5, startedAt: "2026-12-01T11:40:00.000Z", state: "firing", unit: "%" });
    expect(content.summary).toBe("[CRITICAL] 5xx rate for users: 41.25% above 20% over 5 min");
    const link = new URL(content.link);
    expect(link.origin + link.pathname).toBe("https://triage.example/logs");
    expect(link.searchParams.get("service")).toBe("users");
    expect(link.searchParams.get("from")).toBe("2026-12-01T11:35:00.000Z");
    expect(link.searchParams.get("to")).toBe("2026-12-01T11:43:00.000Z");
    expect(seriesNotificationContent({ ...input, kind: "resolved" }).endedAt).toBe("2026-12-01T11:43:00.000Z");
  });

  it("Slack gets blocks and a top-level text", () => {
    const body = notificationBody("slack", seriesNotificationContent(input), null) as { text: string; blocks: unknown[] };
    expect(body.text).toContain("5xx rate for users");
    expect(JSON.stringify(body.blocks)).toContain("<https://runbooks.example/5xx|Runbook>");
  });

  it("PagerDuty triggers and resolves with one dedup_key per rule and series", () => {
    const trigger = notificationBody("pagerduty", seriesNotificationContent(input), "R0UT1NG") as Record<string, unknown>;
    const resolve = notificationBody("pagerduty", seriesNotificationContent({ ...input, kind: "resolved" }), "R0UT1NG") as Record<string, unknown>;
    expect(trigger).toMatchObject({ routing_key: "R0UT1NG", event_action: "trigger", dedup_key: "triage:rule-1:users", payload: { severity: "critical", source: "users" } });
    expect(resolve).toEqual({ routing_key: "R0UT1NG", event_action: "resolve", dedup_key: "triage:rule-1:users" });
    const other = notificationBody("pagerduty", seriesNotificationContent({ ...input, seriesKey: "orders" }), "R0UT1NG") as Record<string, unknown>;
    expect(other.dedup_key).not.toBe(trigger.dedup_key);
  });

  it("an outage message names no rule and links to the alerts page", () => {
    const content = problemNotificationContent({ kind: "outage", key: "outage:1", message: "engine unreachable", at: new Date(0), appUrl: "https://triage.example" });
    expect(content.link).toBe("https://triage.example/alerts");
    expect(content.summary).toMatch(/^Log engine unreachable/);
  });
});

describe("retryDelayMs", () => {
  it("doubles per attempt with 50–100 % jitter, capped at an hour", () => {
    expect(retryDelayMs(1, 1000, () => 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, () => 0)).toBe(2000);
    expect(retryDelayMs(3, 1000, () => 1)).toBe(4000);
    expect(retryDelayMs(30, 1000, () => 1)).toBe(3_600_000);
  });
});
