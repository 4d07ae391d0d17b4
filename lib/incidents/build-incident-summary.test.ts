import { describe, expect, it } from "vitest";
import type { IncidentDetail, IncidentEventView } from "@/lib/schemas/incident";
import type { SlowQueryRow } from "@/lib/schemas/slow-queries";
import { buildIncidentSummary, formatIncidentDuration } from "./build-incident-summary";

const event = (over: Partial<IncidentEventView>): IncidentEventView => ({ id: crypto.randomUUID(), kind: "note", at: "2026-12-01T14:00:00.000Z", actorName: "Ada", body: null, fromStatus: null, toStatus: null, link: null, linkDeleted: false, alertRef: null, details: null, ...over });

const incident: IncidentDetail = {
  id: "i1", title: "Checkout 500s", severity: "sev2", status: "resolved", services: ["orders", "payments"],
  startedAt: "2026-12-01T14:00:00.000Z", endedAt: "2026-12-01T15:10:00.000Z", commander: "Ada", version: 3, createdByName: "Ada",
  createdAt: "2026-12-01T14:00:00.000Z", updatedAt: "2026-12-01T15:10:00.000Z",
  events: [
    event({ kind: "created", toStatus: "investigating" }),
    event({ kind: "alert_transition", at: "2026-12-01T14:01:00.000Z", fromStatus: "pending", toStatus: "firing", actorName: "alert worker", details: { ruleName: "orders 5xx", value: 0.31 } }),
    event({ kind: "link_pinned", at: "2026-12-01T14:02:00.000Z", link: { slug: "abcdefghijklmnopqrstuv", name: "Request req-1", kind: "request", hasSnapshot: true, requestId: "req-1", from: null, to: null } }),
    event({ kind: "link_pinned", at: "2026-12-01T14:03:00.000Z", linkDeleted: true }),
    event({ kind: "note", at: "2026-12-01T14:04:00.000Z", body: "Rolled back **v42**.\nSecond line" }),
    event({ kind: "status_changed", at: "2026-12-01T15:10:00.000Z", fromStatus: "monitoring", toStatus: "resolved" }),
  ],
};

describe("buildIncidentSummary", () => {
  const text = buildIncidentSummary(incident, "https://triage.example.com");

  it("states the facts with UTC times and the duration", () => {
    expect(text).toContain("## Checkout 500s");
    expect(text).toContain("- **Severity:** SEV2 major");
    expect(text).toContain("- **Services:** orders, payments");
    expect(text).toContain("- **Start:** 2026-12-01 14:00 UTC");
    expect(text).toContain("- **End:** 2026-12-01 15:10 UTC");
    expect(text).toContain("- **Duration:** 1 h 10 min");
  });

  it("lists the timeline in order, links absolute, a deleted link said so", () => {
    const timeline = text.split("### Timeline (UTC)\n")[1]!.split("\n\n")[0]!.split("\n");
    expect(timeline).toEqual([
      "- 2026-12-01 14:00 UTC: Incident opened as investigating (Ada)",
      "- 2026-12-01 14:01 UTC: Alert orders 5xx: pending → firing",
      "- 2026-12-01 14:02 UTC: Pinned [Request req-1](https://triage.example.com/s/abcdefghijklmnopqrstuv) (snapshot) (Ada)",
      "- 2026-12-01 14:03 UTC: Pinned a link that was deleted since (Ada)",
      "- 2026-12-01 14:04 UTC: Note (Ada): Rolled back **v42**.",
      "- 2026-12-01 15:10 UTC: Status monitoring → resolved (Ada)",
    ]);
  });

  it("gathers linked requests, alerts and the notes in full", () => {
    expect(text).toContain("### Linked requests\n- `req-1`: [Request req-1](https://triage.example.com/s/abcdefghijklmnopqrstuv) (snapshot)");
    expect(text).toContain("### Alerts\n- 2026-12-01 14:01 UTC: orders 5xx pending → firing (value 0.31)");
    expect(text).toContain("### Linked alerts\n- orders 5xx (all services): firing since 2026-12-01 14:01 UTC\n");
    expect(text).toContain("> Rolled back **v42**.\n> Second line");
  });

  it("says an open incident is ongoing, with its duration so far", () => {
    const open = buildIncidentSummary({ ...incident, status: "investigating", endedAt: null }, "", new Date("2026-12-01T14:25:00Z"));
    expect(open).toContain("- **End:** ongoing");
    expect(open).toContain("- **Duration:** 25 min so far");
  });
});

describe("formatIncidentDuration", () => {
  it.each([
    ["2026-12-01T14:00:00Z", "2026-12-01T14:00:20Z", "0 min"],
    ["2026-12-01T14:00:00Z", "2026-12-01T16:00:00Z", "2 h"],
    ["2026-12-01T14:00:00Z", "2026-12-04T16:05:00Z", "3 d 2 h 5 min"],
  ])("%s → %s is %s", (from, to, expected) => expect(formatIncidentDuration(from, to)).toBe(expected));
});

describe("the summary's top slow queries", () => {
  const row = (over: Partial<SlowQueryRow>): SlowQueryRow => ({ fingerprint: "0123456789abcdef", statement: "SELECT * FROM orders WHERE user_id = $1", parsed: true, count: 42, totalMs: 60_000, meanMs: 1_428, p50Ms: 1_300, p95Ms: 2_871.4, p99Ms: 2_990, maxMs: 2_999, services: ["orders"], source: "app", alsoIn: [], firstSeen: null, lastSeen: null, trend: [], ...over });

  it("lists the costliest fingerprints of the window and services with count and p95, linked to their page, before the notes", () => {
    const rows = Array.from({ length: 7 }, (_, i) => row({ fingerprint: `${i}123456789abcdef`, statement: i === 1 ? "SELECT `x`\n  FROM t" : `SELECT ${i}`, p95Ms: i === 2 ? null : 2_871.4 }));
    const summary = buildIncidentSummary(incident, "https://triage.example.com", new Date(), { slowQueries: { rows, thresholdMs: 500 } });
    expect(summary).toContain("### Top slow queries (orders, payments, incident window)");
    expect(summary).toContain("- `SELECT 0`: 42 runs, p95 2,871 ms ([open](https://triage.example.com/slow-queries/0123456789abcdef?from=2026-12-01T14%3A00%3A00.000Z&to=2026-12-01T15%3A10%3A00.000Z))");
    expect(summary).toContain("- `SELECT 'x' FROM t`: 42 runs");
    expect(summary).toContain("p95 n/a");
    expect(summary).not.toContain("SELECT 5");
    expect(summary.indexOf("### Top slow queries")).toBeLessThan(summary.indexOf("### Notes"));
  });

  it("says when there was none, or when they could not be read, and leaves the section out before they are loaded", () => {
    expect(buildIncidentSummary(incident, "", new Date(), { slowQueries: { rows: [], thresholdMs: 500 } })).toContain("- No statement at or over 500 ms.");
    expect(buildIncidentSummary(incident, "", new Date(), { slowQueries: { error: "the log engine is unreachable" } })).toContain("- Could not be read: the log engine is unreachable");
    expect(buildIncidentSummary(incident, "")).not.toContain("Top slow queries");
  });
});
