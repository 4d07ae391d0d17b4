import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentDetail, IncidentSummary } from "@/lib/schemas/incident";
import type { ApiRoute, HttpMethod } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";
import { buildIncidentSummary } from "@/lib/incidents/build-incident-summary";
import { incidentSlowQueryInput } from "@/lib/incidents/incident-slow-queries";
import { createDemoLogRun } from "@/lib/demo/generate-demo-logs";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import type { DemoLogDocument } from "@/lib/demo/log-document";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { fingerprintStatement, loadSqlParser } from "@/lib/sql/fingerprint";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { createLogContext } from "../logs/log-context";
import { listSlowQueries } from "../slow-queries/list-slow-queries";

// Incidents through their routes against the real Postgres; alert episodes through the verb the worker will call.
let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let db: ReturnType<typeof import("@/lib/server/db").getDb>;
type Caller = Awaited<ReturnType<typeof import("@/lib/testing/route-harness").signedInAs>>;
let editor: Caller;
let viewer: Caller;
const tag = crypto.randomUUID().slice(0, 8);
const service = `checkout-${tag}`;

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_incidents");
  harness = await import("@/lib/testing/route-harness");
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, "../../../app"));
  db = (await import("@/lib/server/db")).getDb();
  [editor, viewer] = await Promise.all([harness.signedInAs("editor", "ada"), harness.signedInAs("viewer", "bob")]);
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

async function call<T>(caller: Caller, method: HttpMethod, urlPath: string, options: { body?: unknown; search?: string } = {}): Promise<{ status: number; body: T }> {
  const segments = urlPath.split("/");
  const route = routes.find((candidate) => candidate.methods.includes(method) && candidate.path.split("/").length === segments.length && candidate.path.split("/").every((part, i) => part === segments[i] || part === "00000000-0000-4000-8000-000000000000"));
  if (!route) throw new Error(`no route ${method} ${urlPath}`);
  const params = segments[3] && route.path.includes("00000000") ? { [route.file.includes("[slug]") ? "slug" : "id"]: segments[route.file.includes("[slug]") ? 4 : 3]! } : undefined;
  const response = await harness.callRoute(route, method, { headers: caller.headers, body: options.body, search: options.search, params });
  return { status: response.status, body: (await response.json()) as T };
}

const fields = (over: Record<string, unknown> = {}) => ({ title: `Checkout 500s ${tag}`, severity: "sev2", services: [service], startedAt: "2026-12-01T14:00:00.000Z", commander: "Ada", ...over });
const errorFields = (body: unknown) => (body as { error: { fields?: Record<string, string>; message: string } }).error;

describe("incidents", () => {
  it("opens one from a view, pinning that view as a frozen link, and audits it", async () => {
    const created = await call<IncidentDetail>(editor, "POST", "/api/incidents", { body: { ...fields(), fromView: { kind: "overview", params: { from: "now-15m", to: "now", service }, senderTimeZone: "UTC" } } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.status).toBe("investigating");
    expect(created.body.events.map((event) => event.kind)).toEqual(["created", "link_pinned"]);
    const pinned = created.body.events[1]!.link!;
    expect(pinned.kind).toBe("overview");
    expect(pinned.from).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const audit = await db.auditLog.findFirst({ where: { action: "incident.created", targetId: created.body.id } });
    expect(audit?.actorEmail).toBe(editor.email);
    expect((await call(viewer, "POST", "/api/incidents", { body: fields() })).status).toBe(403);
  });

  it("keeps the timeline in time order: notes, status changes and alert transitions that happened earlier", async () => {
    const { body: incident } = await call<IncidentDetail>(editor, "POST", "/api/incidents", { body: fields({ startedAt: new Date(Date.now() - 3_600_000).toISOString() }) });
    await call(editor, "POST", `/api/incidents/${incident.id}/notes`, { body: { body: "Rolled back **v42**" } });
    const changed = await call<IncidentDetail>(editor, "PATCH", `/api/incidents/${incident.id}`, { body: { status: "identified", version: incident.version } });
    expect(changed.status).toBe(200);
    // The worker attaches the alert's episode later, but its transitions happened before the note.
    const { attachAlertEpisode } = await import("./attach-alert-episode");
    const t = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await attachAlertEpisode(incident.id, { ruleId: "rule-1", ruleName: "checkout 5xx", series: service, threshold: 0.05, transitions: [{ at: t(50), from: "ok", to: "pending", ref: "evt-1", value: 0.07 }, { at: t(45), from: "pending", to: "firing", ref: "evt-2", value: 0.31 }] }, null);
    await call(editor, "POST", `/api/incidents/${incident.id}/notes`, { body: { body: "second note" } });

    const { body: detail } = await call<IncidentDetail>(viewer, "GET", `/api/incidents/${incident.id}`);
    expect(detail.events.map((event) => [event.kind, event.toStatus ?? event.body])).toEqual([
      ["alert_transition", "pending"],
      ["alert_transition", "firing"],
      ["created", "investigating"],
      ["note", "Rolled back **v42**"],
      ["status_changed", "identified"],
      ["note", "second note"],
    ]);
    const times = detail.events.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(detail.events[1]!.alertRef).toBe("evt-2");
    expect(detail.events[1]!.details).toMatchObject({ ruleName: "checkout 5xx", value: 0.31 });
    const actions = (await db.auditLog.findMany({ where: { targetId: incident.id }, orderBy: { createdAt: "asc" } })).map((row) => row.action);
    expect(actions).toEqual(["incident.created", "incident.note_added", "incident.updated", "incident.alert_attached", "incident.note_added"]);
  });

  it("resolving sets the end to now, refuses a stale version, and says what changed", async () => {
    const { body: incident } = await call<IncidentDetail>(editor, "POST", "/api/incidents", { body: fields() });
    const resolved = await call<IncidentDetail>(editor, "PATCH", `/api/incidents/${incident.id}`, { body: { status: "resolved", severity: "sev1", version: incident.version } });
    expect(resolved.body.status).toBe("resolved");
    expect(Date.now() - Date.parse(resolved.body.endedAt!)).toBeLessThan(60_000);
    expect(resolved.body.events.filter((event) => event.kind === "updated")[0]!.details).toMatchObject({ changes: { severity: { before: "sev2", after: "sev1" } } });
    const stale = await call(editor, "PATCH", `/api/incidents/${incident.id}`, { body: { title: "late edit", version: incident.version } });
    expect(stale.status).toBe(409);
    const backwards = await call(editor, "PATCH", `/api/incidents/${incident.id}`, { body: { endedAt: "2026-12-01T13:00:00.000Z", version: resolved.body.version } });
    expect(backwards.status).toBe(422);
    expect(errorFields(backwards.body).fields?.endedAt).toMatch(/before the start/);
  });

  it("refuses a NUL in a title or note on that field, and an over-long note with the limit", async () => {
    const badTitle = await call(editor, "POST", "/api/incidents", { body: fields({ title: "a\u0000b" }) });
    expect(badTitle.status).toBe(422);
    expect(errorFields(badTitle.body).fields?.title).toMatch(/NUL/);
    const { body: incident } = await call<IncidentDetail>(editor, "POST", "/api/incidents", { body: fields() });
    const badNote = await call(editor, "POST", `/api/incidents/${incident.id}/notes`, { body: { body: "x\u0000" } });
    expect(errorFields(badNote.body).fields?.body).toMatch(/NUL/);
    const long = await call(editor, "POST", `/api/incidents/${incident.id}/notes`, { body: { body: "x".repeat(10_001) } });
    expect(long.status).toBe(422);
    expect(errorFields(long.body).fields?.body).toBe("at most 10,000 characters");
    expect((await call(editor, "GET", "/api/incidents/00000000-0000-4000-8000-00000000abcd")).status).toBe(404);
  });

  it("pins a pasted link, and a deleted link leaves its entry marked as deleted", async () => {
    const { body: incident } = await call<IncidentDetail>(editor, "POST", "/api/incidents", { body: fields() });
    const link = await call<{ slug: string; path: string }>(viewer, "POST", "/api/share/links", { body: { kind: "request", params: { around: "2026-12-01T14:00:00.000Z" }, pathParams: { id: "req-77" } } });
    const pinned = await call<IncidentDetail>(editor, "POST", `/api/incidents/${incident.id}/links`, { body: { link: `https://triage.example.com${link.body.path}?x=1`, snapshot: false } });
    expect(pinned.status, JSON.stringify(pinned.body)).toBe(200);
    expect(pinned.body.events.at(-1)!.link).toMatchObject({ slug: link.body.slug, requestId: "req-77", hasSnapshot: false });
    const snapshot = await call<IncidentDetail>(editor, "POST", `/api/incidents/${incident.id}/links`, { body: { link: link.body.slug, snapshot: true } });
    expect(snapshot.status, JSON.stringify(snapshot.body)).toBe(200);
    const snapshotLink = snapshot.body.events.at(-1)!.link!;
    expect(snapshotLink).toMatchObject({ hasSnapshot: true, requestId: "req-77", kind: "request" });
    expect(snapshotLink.slug).not.toBe(link.body.slug);
    const unknown = await call(editor, "POST", `/api/incidents/${incident.id}/links`, { body: { link: "https://triage.example.com/s/AAAAAAAAAAAAAAAAAAAAAA" } });
    expect(errorFields(unknown.body).fields?.link).toMatch(/no share link/);
    await call(viewer, "DELETE", `/api/share/links/${link.body.slug}`);
    const after = await call<IncidentDetail>(viewer, "GET", `/api/incidents/${incident.id}`);
    expect(after.body.events.at(-2)).toMatchObject({ kind: "link_pinned", link: null, linkDeleted: true });
    expect(after.body.events.at(-1)!.link?.hasSnapshot).toBe(true);
  });

  it("lists open incidents first and filters by status, severity and service", async () => {
    const other = `billing-${tag}`;
    const make = async (over: Record<string, unknown>) => (await call<IncidentDetail>(editor, "POST", "/api/incidents", { body: fields(over) })).body;
    const oldOpen = await make({ title: "old open", startedAt: "2026-11-01T00:00:00.000Z", services: [other] });
    const newResolved = await make({ title: "new resolved", status: "resolved", endedAt: "2026-12-01T15:00:00.000Z", services: [other], severity: "sev4" });
    const list = async (search: string) => (await call<{ incidents: IncidentSummary[] }>(viewer, "GET", "/api/incidents", { search })).body.incidents;
    const mine = (await list(`?service=${other}`)).map((incident) => incident.title);
    expect(mine).toEqual(["old open", "new resolved"]);
    expect((await list(`?service=${other}&status=resolved`)).map((incident) => incident.id)).toEqual([newResolved.id]);
    expect((await list(`?service=${other}&severity=sev2`)).map((incident) => incident.id)).toEqual([oldOpen.id]);
    const all = await list("");
    const firstResolved = all.findIndex((incident) => incident.status === "resolved");
    expect(all.slice(firstResolved).every((incident) => incident.status === "resolved")).toBe(true);
    expect((await call(viewer, "GET", "/api/incidents", { search: "?status=lost" })).status).toBe(400);
  });
});

// The postmortem summary's top slow queries: the incident's window and services through the
// slow-query verb (as the incident page reads them), against the generator's own statements.
describe.each(TEST_ENGINES)("the incident summary's slow queries on $name", (engine) => {
  const index = uniqueTestIndex("incslow");
  const demo = { seed: 424, anchor: new Date(Math.floor(Date.now() / 60_000) * 60_000), targetLines: 6_000 } as const;
  let store: LogStore;
  let truth: DemoGroundTruth;
  beforeAll(async () => {
    store = await connectTestEngine(engine);
    truth = await seedDemoLogs(store, { index, ...demo });
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("lists the slow orders fingerprint of the slow-orders incident with the generator's count", async () => {
    const slowOrders = truth.incidents.find((incident) => incident.id === "orders-slow-query")!;
    const { body: created } = await call<IncidentDetail>(editor, "POST", "/api/incidents", { body: fields({ title: `Slow orders ${tag}`, services: ["orders"], startedAt: slowOrders.start, endedAt: slowOrders.end, status: "resolved" }) });
    const { body: incident } = await call<IncidentDetail>(viewer, "GET", `/api/incidents/${created.id}`);
    await loadSqlParser();
    const orders = fingerprintStatement("SELECT * FROM orders WHERE user_id = 1 AND status = 'paid' ORDER BY created_at DESC");
    let expected = 0;
    for (const batch of createDemoLogRun(demo).batches()) {
      for (const doc of batch as DemoLogDocument[]) {
        const at = Date.parse(doc["@timestamp"]);
        if (doc.service.name !== "orders" || !doc.db || !doc.event || at < Date.parse(incident.startedAt) || at >= Date.parse(incident.endedAt!)) continue;
        if (doc.event.duration >= 500e6 && fingerprintStatement(doc.db.statement).fingerprint === orders.fingerprint) expected += 1;
      }
    }
    expect(expected).toBeGreaterThan(3);
    const input = incidentSlowQueryInput(incident, new Date());
    const answer = await listSlowQueries({ from: input.from, to: input.to, sort: input.sort, service: input.service, source: [] }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }));
    const summary = buildIncidentSummary(incident, "https://triage.example", new Date(), { slowQueries: { rows: answer.rows, thresholdMs: answer.thresholdMs } });
    expect(summary).toContain("### Top slow queries (orders, incident window)");
    const line = summary.split("\n").find((text) => text.includes(`/slow-queries/${orders.fingerprint}?`));
    expect(line).toContain(`\`${orders.normalized}\`: ${expected} runs, p95 `);
    expect(line).toMatch(/p95 [\d,]+ ms/);
  });
});
