// An incident opened from a firing alert on real Postgres and real Elasticsearch: the worker fires
// a rule on the demo's burst of 500s in users, the route opens an incident from that series with
// the episode as its first timeline entries, and the worker's later resolve lands on it too.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import { buildIncidentSummary } from "@/lib/incidents/build-incident-summary";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import type { IncidentDetail } from "@/lib/schemas/incident";
import { createTestRule, predictErrorRateTransitions } from "@/lib/testing/alerts";
import type { ApiRoute } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import type { TestDatabase } from "@/prisma/factories";
import type { LogStore } from "../log-store/types";

const MIN = 60_000;
const ANCHOR = Math.floor(Date.now() / MIN) * MIN;
// The burst in users is at -20 for 3 minutes; the cache race at -5 is left out (slots end at -10).
const SLOTS = Array.from({ length: 16 }, (_, i) => ANCHOR - 25 * MIN + i * MIN);

let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let store: LogStore;
let truth: DemoGroundTruth;
let editor: Awaited<ReturnType<typeof import("@/lib/testing/route-harness").signedInAs>>;
let ruleId: string;
let rule: Awaited<ReturnType<typeof createTestRule>>["rule"];
let runCycle: (slot: number) => Promise<unknown>;
const index = uniqueTestIndex("alert-incident");

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_alert_incident");
  harness = await import("@/lib/testing/route-harness");
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, "../../../app"));
  store = await connectTestEngine(TEST_ENGINES[0]);
  const { seedDemoLogs } = await import("../demo/seed-demo-logs");
  truth = await seedDemoLogs(store, { index, seed: 5150, anchor: ANCHOR, targetLines: 12_000 });
  const { getDb, getDbPool } = await import("@/lib/server/db");
  const { createLogContext } = await import("../logs/log-context");
  const { runEvaluationCycle } = await import("../alerts/run-evaluation-cycle");
  editor = await harness.signedInAs("editor", "ada");
  // A pending minute first, so the episode has more than one transition: ok → pending → firing.
  ({ id: ruleId, rule } = await createTestRule(
    getDb() as never,
    { name: "5xx rate per service", severity: "critical", measure: { kind: "error_rate" }, scope: { perService: true }, condition: { comparator: "above", threshold: 20, windowMinutes: 1, intervalSeconds: 60, pendingSeconds: 60 } },
    new Date(SLOTS[0]!),
  ));
  const context = createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } });
  runCycle = (slot) => runEvaluationCycle({ pool: getDbPool(), loadContext: async () => context, now: () => new Date(slot + 1_000), batchSize: 100, settleMs: 0, appUrl: "https://triage.example" });
}, 120_000);

afterAll(async () => {
  await store?.deleteIndex(index);
  await store?.close();
  await closeRouteTestDatabase(database);
});

async function openIncident(body: unknown): Promise<{ status: number; body: IncidentDetail & { error?: { message: string; fields?: Record<string, string> } } }> {
  const route = routes.find((candidate) => candidate.file.endsWith("alerts/[id]/incident/route.ts"))!;
  const response = await harness.callRoute(route, "POST", { headers: editor.headers, body, params: { id: ruleId } });
  return { status: response.status, body: await response.json() };
}

async function readIncident(id: string): Promise<IncidentDetail> {
  const route = routes.find((candidate) => candidate.file.endsWith("incidents/[id]/route.ts"))!;
  return (await harness.callRoute(route, "GET", { headers: editor.headers, params: { id } })).json();
}

const alertEntries = (incident: IncidentDetail) => incident.events.filter((event) => event.kind === "alert_transition").map((event) => ({ at: Date.parse(event.at), to: event.toStatus }));

describe("an incident opened from a firing alert", () => {
  let incident: IncidentDetail;
  const burst = () => truth.incidents.find((candidate) => candidate.id === "users-null-user-500")!;

  it("refuses a series that is not firing (409) and one the rule never had (422), with a clear message", async () => {
    for (const slot of SLOTS.filter((slot) => slot < Date.parse(burst().start))) await runCycle(slot);
    const ok = await openIncident({ seriesKey: "users" });
    expect(ok.status).toBe(409);
    expect(ok.body.error!.message).toMatch(/is ok, not firing: an incident opens from a firing alert/);
    const unknown = await openIncident({ seriesKey: "no-such-service" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error!.fields?.seriesKey).toMatch(/no series/);
  }, 60_000);

  it("opens with the rule's title, severity and service, the episode's start, the pinned overview, and the episode in time order", async () => {
    const predicted = predictErrorRateTransitions(truth, rule, "users", SLOTS).transitions;
    const firedAt = predicted.find((transition) => transition.to === "firing")!.at;
    for (const slot of SLOTS.filter((slot) => slot >= Date.parse(burst().start) && slot <= firedAt)) await runCycle(slot);
    expect((await openIncident({ seriesKey: "users", title: "5xx \u0000 users" })).status).toBe(422);
    const opened = await openIncident({ seriesKey: "users" });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    incident = opened.body;
    const episode = predicted.filter((transition) => transition.at <= firedAt && transition.at >= predicted.findLast((t) => t.at <= firedAt && t.to === "pending")!.at);
    expect(episode.map((transition) => transition.to)).toEqual(["pending", "firing"]);
    expect(alertEntries(incident)).toEqual(episode);
    expect(incident).toMatchObject({ title: "5xx rate per service: users", severity: "sev1", status: "investigating", services: ["users"], startedAt: new Date(episode[0]!.at).toISOString(), commander: "ada" });
    const link = incident.events.find((event) => event.kind === "link_pinned")!.link!;
    expect(link).toMatchObject({ kind: "overview", from: new Date(episode[0]!.at - MIN).toISOString() });
    const { getDb } = await import("@/lib/server/db");
    const stored = await getDb().shareLink.findUniqueOrThrow({ where: { slug: link.slug } });
    expect((stored.state as { params: Record<string, string> }).params.service).toBe("users");
    expect(await getDb().auditLog.count({ where: { targetId: incident.id, action: { in: ["incident.created", "incident.alert_attached"] } } })).toBe(2);
  }, 60_000);

  it("gets the series' later resolve from the worker, in time order, and the summary lists the alert", async () => {
    const predicted = predictErrorRateTransitions(truth, rule, "users", SLOTS).transitions;
    const firedAt = predicted.find((transition) => transition.to === "firing")!.at;
    for (const slot of SLOTS.filter((slot) => slot > firedAt)) await runCycle(slot);
    const resolved = predicted.find((transition) => transition.at > firedAt && transition.to === "ok")!;
    const reloaded = await readIncident(incident.id);
    expect(alertEntries(reloaded)).toEqual([...alertEntries(incident), resolved]);
    const times = reloaded.events.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Simulated time: the slots lie before now, when the incident was opened, so its own entries come last.
    expect(reloaded.events.findLast((event) => event.kind === "alert_transition")).toMatchObject({ kind: "alert_transition", fromStatus: "firing", toStatus: "ok", actorName: "alert worker", details: { ruleName: "5xx rate per service", series: "users" } });
    const summary = buildIncidentSummary(reloaded, "https://triage.example");
    expect(summary).toMatch(/### Linked alerts\n- 5xx rate per service \(users\)/);
    expect(summary).toContain("5xx rate per service firing → ok");
  }, 60_000);
});
