import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertRule, AlertRuleFormValues, AlertRulesDocument } from "@/lib/schemas/alert-rule";
import type { AlertRuleDetail, AlertRulesList } from "@/lib/schemas/alert-rule-api";
import type { ContactPoint } from "@/lib/schemas/contact-point";
import type { ApiRoute, HttpMethod } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";

// The alert-rule and contact-point routes end to end in-process: real route handlers, real Postgres.
let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let db: ReturnType<typeof import("@/lib/server/db").getDb>;
let editor: { headers: Record<string, string>; email: string };
let otherEditor: { headers: Record<string, string>; email: string };

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_alert_routes");
  harness = await import("@/lib/testing/route-harness");
  db = (await import("@/lib/server/db")).getDb();
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, "../../../app"));
  editor = await harness.signedInAs("editor", "alice");
  otherEditor = await harness.signedInAs("editor", "bob");
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

const unique = () => crypto.randomUUID().slice(0, 8);

async function call<T = unknown>(method: HttpMethod, urlPath: string, options: { body?: unknown; search?: string; as?: { headers: Record<string, string> } } = {}) {
  const found = routes.find((candidate) => candidate.path.replace(/00000000-0000-4000-8000-000000000000/g, "[id]") === urlPath.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "[id]"));
  if (!found) throw new Error(`no route ${urlPath}`);
  const ids = [...urlPath.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)].map((match) => match[0]);
  const params = Object.fromEntries(Object.keys(found.params).map((name, index) => [name, ids[index]!]));
  const response = await harness.callRoute(found, method, { headers: (options.as ?? editor).headers, body: options.body, search: options.search, params });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as T & { error?: { message: string; fields?: Record<string, string> } }, text };
}

function errorRateRule(overrides: Partial<AlertRuleFormValues> = {}): AlertRuleFormValues {
  return {
    name: `users 5xx ${unique()}`,
    severity: "critical",
    measure: { kind: "error_rate" },
    scope: { services: ["users"], perService: true, query: "" },
    condition: { comparator: "above", threshold: 5, recoveryThreshold: 2, windowMinutes: 5, intervalSeconds: 60, pendingSeconds: 60, keepFiringSeconds: 0 },
    labels: { team: "identity" },
    ...overrides,
  };
}

async function createRule(overrides: Partial<AlertRuleFormValues> = {}): Promise<AlertRule> {
  const { status, body, text } = await call<AlertRule>("POST", "/api/alerts", { body: errorRateRule(overrides) });
  expect(status, text).toBe(200);
  return body;
}

describe("alert rules through their routes", () => {
  it("creates a rule with defaults filled in, schedules it now, and audits the rule after", async () => {
    const rule = await createRule();
    expect(rule).toMatchObject({ version: 1, rule: { enabled: true, noData: "keep", engineError: "alert", flapping: { changes: 4, evaluations: 20 }, scope: { seriesCap: 500 } } });
    const schedule = await db.alertRuleSchedule.findUnique({ where: { ruleId: rule.id } });
    expect(schedule!.nextEvaluationAt.getTime()).toBeLessThanOrEqual(Date.now());
    const audit = await db.auditLog.findMany({ where: { targetType: "alert_rule", targetId: rule.id } });
    expect(audit).toMatchObject([{ action: "alert_rule.created", actorEmail: editor.email, details: { version: 1, before: null, after: { name: rule.rule.name, condition: { threshold: 5 } } } }]);
  });

  it("refuses a save over a version someone else changed, naming who and what they changed", async () => {
    const rule = await createRule();
    const bobs = { ...rule.rule, condition: { ...rule.rule.condition, threshold: 10 }, labels: { team: "platform" } };
    const saved = await call<AlertRule>("PUT", `/api/alerts/${rule.id}`, { body: { version: 1, rule: bobs }, as: otherEditor });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.version).toBe(2);

    // Alice edits the version she opened (1): only the description differs from what she loaded.
    const stale = await call("PUT", `/api/alerts/${rule.id}`, { body: { version: 1, rule: { ...rule.rule, description: "page the identity team" } } });
    expect(stale.status, stale.text).toBe(409);
    expect(stale.body.error!.message).toMatch(new RegExp(`${otherEditor.email} saved this rule \\(now version 2\\) after you opened version 1`));
    expect(stale.body.error!.message).toContain("condition.threshold: 5 → 10");
    expect(stale.body.error!.message).toContain('labels.team: "identity" → "platform"');
    expect(Object.keys(stale.body.error!.fields!).sort()).toEqual(["rule.condition.threshold", "rule.labels.team"]);
    expect((await db.alertRule.findUniqueOrThrow({ where: { id: rule.id } })).description).toBe("");

    const detail = await call<AlertRuleDetail>("GET", `/api/alerts/${rule.id}`);
    expect(detail.body.audit.map((entry) => entry.action)).toEqual(["alert_rule.updated", "alert_rule.created"]);
    expect(detail.body.audit[0]).toMatchObject({ actorEmail: otherEditor.email, changes: [{ field: "condition.threshold", before: 5, after: 10 }, { field: "labels.team", before: "identity", after: "platform" }] });
  });

  it("answers bad input with 422 field errors, never a 500", async () => {
    const cases: [Partial<AlertRuleFormValues>, string, RegExp][] = [
      [{ name: "bad\u0000name" }, "name", /control character U\+0000/],
      [{ condition: { comparator: "above", threshold: 150, windowMinutes: 5, intervalSeconds: 60 } }, "condition.threshold", /percentage from 0 to 100/],
      [{ condition: { comparator: "above", threshold: 5, windowMinutes: 1, intervalSeconds: 300 } }, "condition.windowMinutes", /at least as long as the evaluation interval/],
      [{ condition: { comparator: "above", threshold: 5, windowMinutes: 5, intervalSeconds: 5 } }, "condition.intervalSeconds", /at least 10 seconds/],
      [{ condition: { comparator: "above", threshold: 5, recoveryThreshold: 8, windowMinutes: 5, intervalSeconds: 60 } }, "condition.recoveryThreshold", /at or below the threshold/],
      [{ measure: { kind: "latency_percentile", percentile: "p42" as "p50" } }, "measure.percentile", /p50, p90, p95 or p99/],
      [{ measure: { kind: "query_count", query: "status:(500" } }, "measure.query", /.+/],
      [{ scope: { query: "service:\"users" } }, "scope.query", /.+/],
      [{ contactPointIds: [crypto.randomUUID()] }, "contactPointIds", /no contact point/],
    ];
    for (const [overrides, field, message] of cases) {
      const { status, body, text } = await call("POST", "/api/alerts", { body: errorRateRule(overrides) });
      expect(status, `${field}: ${text}`).toBe(422);
      expect(body.error!.fields?.[field], `${field}: ${text}`).toMatch(message);
    }
  });

  it("duplicates as a disabled copy, toggles enabled against the version, deletes with confirmation of the version", async () => {
    const rule = await createRule();
    const copy = await call<AlertRule>("POST", `/api/alerts/${rule.id}/duplicate`, { body: {} });
    expect(copy.body).toMatchObject({ version: 1, rule: { name: `${rule.rule.name} (copy)`, enabled: false, condition: rule.rule.condition } });

    const disabled = await call<AlertRule>("PUT", `/api/alerts/${rule.id}/enabled`, { body: { version: 1, enabled: false } });
    expect(disabled.body).toMatchObject({ version: 2, rule: { enabled: false } });
    expect((await call("PUT", `/api/alerts/${rule.id}/enabled`, { body: { version: 1, enabled: true } })).status).toBe(409);
    const listed = await call<AlertRulesList>("GET", "/api/alerts", { search: "?state=disabled" });
    expect(listed.body.rules.map((row) => row.id)).toEqual(expect.arrayContaining([rule.id, copy.body.id]));

    expect((await call("DELETE", `/api/alerts/${rule.id}`, { search: "?version=1" })).status).toBe(409);
    expect((await call("DELETE", `/api/alerts/${rule.id}`, { search: "?version=2" })).status).toBe(200);
    expect((await call("GET", `/api/alerts/${rule.id}`)).status).toBe(404);
    const actions = (await db.auditLog.findMany({ where: { targetId: rule.id }, orderBy: { createdAt: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["alert_rule.created", "alert_rule.disabled", "alert_rule.deleted"]);
  });

  it("lists firing rules first with series count and last value, filtered by state, severity, service and label", async () => {
    const label = `svc-${unique()}`;
    const quiet = await createRule({ name: `a quiet ${label}`, labels: { suite: label } });
    const loud = await createRule({ name: `z loud ${label}`, severity: "warning", labels: { suite: label, tier: "gold" }, scope: { services: ["users", "orders"], perService: true } });
    await db.alertSeries.createMany({
      data: [
        { ruleId: loud.id, seriesKey: "users", status: "firing", lastValue: 42.5, state: {} },
        { ruleId: loud.id, seriesKey: "orders", status: "ok", lastValue: 0.1, state: {} },
        { ruleId: quiet.id, seriesKey: "users", status: "ok", lastValue: 1, state: {} },
      ],
    });
    const all = await call<AlertRulesList>("GET", "/api/alerts", { search: `?label=suite=${label}` });
    expect(all.body.rules.map((row) => [row.name, row.state, row.seriesCount, row.firingCount, row.lastValue, row.unit])).toEqual([
      [loud.rule.name, "firing", 2, 1, 42.5, "%"],
      [quiet.rule.name, "ok", 1, 0, 1, "%"],
    ]);
    const filtered = async (search: string) => (await call<AlertRulesList>("GET", "/api/alerts", { search: `?label=suite=${label}&${search}` })).body.rules.map((row) => row.id);
    expect(await filtered("state=firing")).toEqual([loud.id]);
    expect(await filtered("severity=critical")).toEqual([quiet.id]);
    expect(await filtered("service=orders")).toEqual([loud.id]);
    expect(await filtered("label=tier")).toEqual([loud.id]);
    expect((await call("GET", "/api/alerts", { search: "?state=burning" })).status).toBe(400);
    const firing = await call<{ alerts: { ruleId: string; seriesKey: string }[] }>("GET", "/api/alerts/firing");
    expect(firing.body.alerts).toContainEqual(expect.objectContaining({ ruleId: loud.id, seriesKey: "users" }));
  });

  it("silences one series until a time and ends the silence, both audited", async () => {
    const rule = await createRule();
    await db.alertSeries.create({ data: { ruleId: rule.id, seriesKey: "users", status: "firing", lastValue: 30, state: {} } });
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call("POST", `/api/alerts/${rule.id}/silences`, { body: { seriesKey: "nope", endsAt } })).body.error!.fields).toHaveProperty("seriesKey");
    expect((await call("POST", `/api/alerts/${rule.id}/silences`, { body: { seriesKey: "users", endsAt: "2001-01-01T00:00:00Z" } })).body.error!.fields).toHaveProperty("endsAt");
    const silence = await call<{ id: string }>("POST", `/api/alerts/${rule.id}/silences`, { body: { seriesKey: "users", endsAt, reason: "deploy" } });
    expect(silence.status, silence.text).toBe(200);
    const detail = await call<AlertRuleDetail>("GET", `/api/alerts/${rule.id}`);
    expect(detail.body.series).toMatchObject([{ seriesKey: "users", status: "firing", silencedUntil: endsAt.replace(/\.\d+Z$/, (ms) => ms) }]);
    expect(detail.body.silences).toMatchObject([{ id: silence.body.id, seriesKey: "users", reason: "deploy", createdBy: editor.email }]);

    expect((await call("DELETE", `/api/alerts/${rule.id}/silences`, { search: `?silence=${silence.body.id}` })).status).toBe(200);
    expect((await call<AlertRuleDetail>("GET", `/api/alerts/${rule.id}`)).body.series[0]!.silencedUntil).toBeNull();
    const actions = (await db.auditLog.findMany({ where: { targetId: rule.id }, orderBy: { createdAt: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["alert_rule.created", "alert_rule.silenced", "alert_rule.unsilenced"]);
  });

  it("exports and imports rules as code: an export re-imports as updates, a bad rule names its index and field", async () => {
    const point = await call<ContactPoint>("POST", "/api/contact-points", { body: { name: `hook-${unique()}`, kind: "webhook", url: "http://127.0.0.1:9/hook" } });
    const rule = await createRule({ contactPointIds: [point.body.id] });
    const exported = await call<AlertRulesDocument>("GET", "/api/alerts/export");
    const mine = exported.body.rules.find((candidate) => candidate.name === rule.rule.name)!;
    expect(mine).toEqual(rule.rule);

    const fresh = { ...mine, name: `imported ${unique()}` };
    const imported = await call<{ created: number; updated: number; ids: string[] }>("POST", "/api/alerts/import", { body: { format: "triage.alert-rules/v1", rules: [mine, fresh] } });
    expect(imported.body).toMatchObject({ created: 1, updated: 1, ids: [rule.id, expect.any(String)] });
    const after = await db.alertRule.findUniqueOrThrow({ where: { id: rule.id }, include: { contactPoints: true } });
    expect(after.version).toBe(2);
    expect(after.contactPoints.map((link) => link.contactPointId)).toEqual([point.body.id]);
    const reExported = (await call<AlertRulesDocument>("GET", "/api/alerts/export")).body.rules.find((candidate) => candidate.name === rule.rule.name);
    expect(reExported).toEqual(mine);

    const broken = { format: "triage.alert-rules/v1", rules: [fresh, { ...fresh, name: "second", condition: { ...fresh.condition, threshold: -1 } }] };
    const refused = await call("POST", "/api/alerts/import", { body: broken });
    expect(refused.status).toBe(422);
    expect(refused.body.error!.fields).toHaveProperty(["rules.1.condition.threshold"]);
    expect(refused.body.error!.message).toContain("rules.1.condition.threshold: thresholds are not negative");
    const dup = await call("POST", "/api/alerts/import", { body: { format: "triage.alert-rules/v1", rules: [fresh, fresh] } });
    expect(dup.body.error!.fields).toEqual({ "rules.1.name": "the same name as rule 0" });
    expect((await call("POST", "/api/alerts/import", { body: { format: "grafana", rules: [] } })).status).toBe(422);
    const orphan = await call("POST", "/api/alerts/import", { body: { format: "triage.alert-rules/v1", rules: [fresh, { ...fresh, name: `orphan ${unique()}`, contactPointIds: [crypto.randomUUID()] }] } });
    expect(orphan.status).toBe(422);
    expect(Object.keys(orphan.body.error!.fields!)).toEqual(["rules.1.contactPointIds"]);
    // Refused documents change nothing: the rule created by the first import is still the only one of its name.
    expect(await db.alertRule.count({ where: { name: fresh.name } })).toBe(1);
    const schedule = await db.alertRuleSchedule.findUnique({ where: { ruleId: imported.body.ids[1]! } });
    expect(schedule).not.toBeNull();
    const importAudit = await db.auditLog.findMany({ where: { targetId: imported.body.ids[1]!, action: "alert_rule.imported" } });
    expect(importAudit).toMatchObject([{ details: { version: 1, before: null, after: { name: fresh.name } } }]);
  });
});

describe("the rule page's detail", () => {
  it("shows the engine's last error, the series cap, transitions and notifications with their attempts", async () => {
    const rule = await createRule();
    await db.alertRuleSchedule.update({ where: { ruleId: rule.id }, data: { lastError: "parse_exception: Encountered \" \")\"", seriesCapped: true, lastEvaluatedAt: new Date(), lastDurationMs: 12, evaluations: 3 } });
    const series = await db.alertSeries.create({ data: { ruleId: rule.id, seriesKey: "users", status: "firing", flapping: true, lastValue: 12.5, state: {} } });
    const at = new Date("2026-12-01T10:00:00Z");
    await db.alertTransition.create({ data: { ruleId: rule.id, seriesId: series.id, fromStatus: "pending", toStatus: "firing", value: 12.5, threshold: 5, evaluatedAt: at } });
    const point = await db.contactPoint.create({ data: { name: `detail-${unique()}`, kind: "webhook", url: "http://127.0.0.1:9/x", secret: "a-detail-test-signing-secret" } });
    const notification = await db.alertNotification.create({ data: { ruleId: rule.id, seriesId: series.id, contactPointId: point.id, kind: "firing", episodeKey: `${series.id}:1`, payload: {}, status: "failed", attempts: 2, lastError: "HTTP 503" } });
    await db.notificationAttempt.createMany({ data: [1, 2].map((attempt) => ({ notificationId: notification.id, attempt, startedAt: at, latencyMs: 40 + attempt, httpStatus: 503, ok: false, error: "HTTP 503" })) });

    const { body } = await call<AlertRuleDetail>("GET", `/api/alerts/${rule.id}`);
    expect(body).toMatchObject({
      state: "firing",
      schedule: { lastError: expect.stringContaining("parse_exception"), seriesCapped: true, evaluations: 3 },
      series: [{ seriesKey: "users", status: "firing", flapping: true, lastValue: 12.5, silencedUntil: null }],
      transitions: [{ seriesKey: "users", fromStatus: "pending", toStatus: "firing", value: 12.5, threshold: 5, evaluatedAt: at.toISOString() }],
      notifications: [{ seriesKey: "users", contactPoint: point.name, kind: "firing", status: "failed", lastError: "HTTP 503", attempts: [{ attempt: 1, latencyMs: 41, httpStatus: 503, ok: false }, { attempt: 2, latencyMs: 42 }] }],
    });
    expect(JSON.stringify(body)).not.toContain("a-detail-test-signing-secret");
    const listed = await call<AlertRulesList>("GET", "/api/alerts", { search: `?state=firing` });
    expect(listed.body.rules.find((row) => row.id === rule.id)).toMatchObject({ lastError: expect.stringContaining("parse_exception"), firingCount: 1 });
  });
});

describe("contact points through their routes", () => {
  it("never returns the secret, refuses URLs the policy refuses on the url field, and versions edits", async () => {
    const name = `slack-${unique()}`;
    const created = await call<ContactPoint>("POST", "/api/contact-points", { body: { name, kind: "slack", url: "http://127.0.0.1:9/slack" } });
    expect(created.status, created.text).toBe(200);
    expect(created.text).not.toMatch(/secret"/);
    expect(created.body).toMatchObject({ name, hasSecret: true, hasRoutingKey: false, version: 1 });
    const stored = await db.contactPoint.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.secret!.length).toBeGreaterThanOrEqual(16);

    const metadata = await call("POST", "/api/contact-points", { body: { name: `meta-${unique()}`, kind: "webhook", url: "http://169.254.169.254/latest/meta-data" } });
    expect(metadata.status, metadata.text).toBe(422);
    expect(metadata.body.error!.fields!.url).toMatch(/link-local|metadata/);
    const credentials = await call("POST", "/api/contact-points", { body: { name: `cred-${unique()}`, kind: "webhook", url: "https://user:pw@example.com/hook" } });
    expect(credentials.body.error!.fields!.url).toMatch(/credentials/);
    expect((await call("POST", "/api/contact-points", { body: { name: `pd-${unique()}`, kind: "pagerduty", url: "https://events.pagerduty.com/v2/enqueue" } })).body.error!.fields).toHaveProperty("routingKey");
    expect((await call("POST", "/api/contact-points", { body: { name, kind: "webhook", url: "http://127.0.0.1:9/x" } })).status).toBe(409);

    const edited = await call<ContactPoint>("PUT", `/api/contact-points/${created.body.id}`, { body: { version: 1, contactPoint: { name, kind: "slack", url: "http://127.0.0.1:9/slack2", enabled: false } } });
    expect(edited.body).toMatchObject({ version: 2, url: "http://127.0.0.1:9/slack2", enabled: false, hasSecret: true });
    expect((await db.contactPoint.findUniqueOrThrow({ where: { id: created.body.id } })).secret).toBe(stored.secret);
    const refusedEdit = await call("PUT", `/api/contact-points/${created.body.id}`, { body: { version: 2, contactPoint: { name, kind: "slack", url: "http://[fe80::1]/x" } } });
    expect(refusedEdit.body.error!.fields).toHaveProperty(["contactPoint.url"]);
    expect((await call("PUT", `/api/contact-points/${created.body.id}`, { body: { version: 1, contactPoint: { name, kind: "slack", url: "http://127.0.0.1:9/y" } } })).status).toBe(409);
    const list = await call<{ contactPoints: ContactPoint[] }>("GET", "/api/contact-points", { as: await harness.signedInAs("viewer") });
    expect(list.text).not.toContain(stored.secret!);
    expect(list.body.contactPoints.find((point) => point.id === created.body.id)).toMatchObject({ version: 2 });
    expect((await call("DELETE", `/api/contact-points/${created.body.id}`, { search: "?version=2" })).status).toBe(200);
    const audit = (await db.auditLog.findMany({ where: { targetId: created.body.id }, orderBy: { createdAt: "asc" } }));
    expect(audit.map((event) => event.action)).toEqual(["contact_point.created", "contact_point.updated", "contact_point.deleted"]);
    expect(JSON.stringify(audit)).not.toContain(stored.secret!);
  });
});

describe("Send test and preview", () => {
  it("sends one signed test delivery to a real receiver and reports a failing one as a result, not an error", async () => {
    const { startReceiver } = await import("@/lib/testing/alerts");
    const { verifyWebhookSignature, SIGNATURE_HEADER } = await import("@/lib/server/notify/webhook-signature");
    const receiver = await startReceiver({ failFirst: 1 });
    try {
      const created = await call<ContactPoint>("POST", "/api/contact-points", { body: { name: `test-${unique()}`, kind: "webhook", url: receiver.url, secret: "a-known-signing-secret-0123" } });
      const failed = await call<{ ok: boolean; httpStatus: number | null }>("POST", `/api/contact-points/${created.body.id}/test`, { body: {} });
      expect(failed.status, failed.text).toBe(200);
      expect(failed.body).toMatchObject({ ok: false, httpStatus: 503 });
      const delivered = await call<{ ok: boolean; httpStatus: number | null }>("POST", `/api/contact-points/${created.body.id}/test`, { body: {} });
      expect(delivered.body).toMatchObject({ ok: true, httpStatus: 200 });
      expect(receiver.requests).toHaveLength(2);
      const last = receiver.requests[1]!;
      expect(verifyWebhookSignature("a-known-signing-secret-0123", last.body, last.headers[SIGNATURE_HEADER] as string)).toBe(true);
      expect((await db.auditLog.findMany({ where: { targetId: created.body.id, action: "contact_point.tested" } })).length).toBe(2);
    } finally {
      await receiver.close();
    }
  });

  it("refuses a preview of an invalid rule with field errors before the engine sees it", async () => {
    const rule = errorRateRule({ scope: { query: "status:(500" } });
    const refused = await call("POST", "/api/alerts/preview", { body: { rule, range: "24h" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error!.fields).toHaveProperty(["rule.scope.query"]);
    expect((await call("POST", "/api/alerts/preview", { body: { rule: errorRateRule(), range: "30d" } })).body.error!.fields).toHaveProperty("range");
  });
});
