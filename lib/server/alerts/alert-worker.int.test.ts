// The worker end to end on real Postgres and both real engines: the demo's burst of 500s from
// users fires a per-service error-rate rule and resolves it at exactly the evaluations the
// generator's ground truth predicts; a real receiver that fails twice gets one firing and one
// resolved per series, each with a valid signature.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import type { NotificationContent } from "@/lib/alerts/notification-content";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { createTestRule, openAlertsDatabase, predictErrorRateTransitions, startReceiver } from "@/lib/testing/alerts";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { createLogContext } from "../logs/log-context";
import { sendDueNotifications } from "../notify/send-due-notifications";
import { verifyWebhookSignature } from "../notify/webhook-signature";
import { backtestRule } from "./backtest-rule";
import { runEvaluationCycle } from "./run-evaluation-cycle";

const MIN = 60_000;
const ANCHOR = Math.floor(Date.now() / MIN) * MIN;
const SECRET = "burst-test-signing-secret-0123456789";
// Slots from 40 minutes before the anchor to the anchor: the burst is at -20 for 3 minutes.
const SLOTS = Array.from({ length: 41 }, (_, i) => ANCHOR - 40 * MIN + i * MIN);

describe.each(TEST_ENGINES)("alert worker on $name", (engine) => {
  const index = uniqueTestIndex("alerts");
  let store: LogStore;
  let truth: DemoGroundTruth;
  let database: TestDatabase;
  let db: ReturnType<typeof openAlertsDatabase>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let ruleId: string;
  let rejectedId: string;
  let rule: Awaited<ReturnType<typeof createTestRule>>["rule"];
  const engineRequests: number[] = [];

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    [truth, database, receiver] = await Promise.all([seedDemoLogs(store, { index, seed: 5150, anchor: ANCHOR, targetLines: 12_000 }), createTestDatabase("alerts_worker"), startReceiver({ failFirst: 2 })]);
    db = openAlertsDatabase(database.url);
    const point = await db.prisma.contactPoint.create({ data: { name: "receiver", kind: "webhook", url: receiver.url, secret: SECRET } });
    ({ id: ruleId, rule } = await createTestRule(
      db.prisma,
      {
        name: "5xx rate per service",
        severity: "critical",
        runbookUrl: "https://runbooks.example/5xx",
        measure: { kind: "error_rate" },
        scope: { perService: true },
        condition: { comparator: "above", threshold: 20, windowMinutes: 1, intervalSeconds: 60 },
        contactPointIds: [point.id],
      },
      new Date(SLOTS[0]!),
    ));
    // Passes our syntax check (balanced braces), but both engines refuse to parse it.
    ({ id: rejectedId } = await createTestRule(
      db.prisma,
      { name: "rejected query", severity: "info", measure: { kind: "query_count", query: "message:{timeout}" }, condition: { comparator: "above", threshold: 0, windowMinutes: 1, intervalSeconds: 60 } },
      new Date(SLOTS[0]!),
    ));
    const context = createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } });
    // Simulated time: each cycle runs a little after its slot, as a live worker would.
    for (const slot of SLOTS) {
      const result = await runEvaluationCycle({ pool: db.pool, loadContext: async () => context, now: () => new Date(slot + 1_000), batchSize: 100, settleMs: 0, appUrl: "https://triage.example" });
      expect(result.claimed).toBe(2);
      expect(result.outage).toBe(false);
      engineRequests.push(result.engineRequests);
    }
  }, 180_000);

  afterAll(async () => {
    await receiver?.close();
    await db?.close();
    await database?.drop();
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("fires for users during the burst and resolves after it, at the evaluations the ground truth predicts", async () => {
    const rows = await db.prisma.alertTransition.findMany({ where: { ruleId }, include: { series: true }, orderBy: { evaluatedAt: "asc" } });
    const burst = truth.incidents.find((incident) => incident.id === "users-null-user-500")!;
    const users = rows.filter((row) => row.series.seriesKey === "users").map((row) => ({ at: row.evaluatedAt.getTime(), to: row.toStatus }));
    // The first evaluation whose window lies in the burst fires; the first after it resolves.
    expect(users).toContainEqual({ at: Date.parse(burst.start) + MIN, to: "firing" });
    expect(users.filter((t) => t.to === "firing")).toHaveLength(1);
    expect(users.find((t) => t.to === "ok" && t.at > Date.parse(burst.start))?.at).toBe(Date.parse(burst.end) + MIN);
    for (const service of new Set(rows.map((row) => row.series.seriesKey))) {
      const recorded = rows.filter((row) => row.series.seriesKey === service).map((row) => ({ at: row.evaluatedAt.getTime(), to: row.toStatus as string }));
      expect({ service, transitions: recorded }).toEqual({ service, transitions: predictErrorRateTransitions(truth, rule, service, SLOTS).transitions });
    }
    expect(Math.max(...engineRequests)).toBe(1);
  });

  it("a rule whose query the engine rejects is in the error state with the engine's message, and the other rule is unharmed", async () => {
    const schedule = await db.prisma.alertRuleSchedule.findUniqueOrThrow({ where: { ruleId: rejectedId } });
    expect(schedule.lastError).toMatch(/Failed to parse query/);
    expect(schedule.errorEpisode).toBe(1);
    expect((await db.prisma.alertSeries.findMany({ where: { ruleId: rejectedId } })).map((s) => s.status)).toEqual(["error"]);
    expect((await db.prisma.alertRuleSchedule.findUniqueOrThrow({ where: { ruleId } })).lastError).toBeNull();
  });

  it("the backtest, replaying the same rule over the last 24 hours, fires as often and over the same spans as the worker", async () => {
    const context = createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING }, now: new Date(ANCHOR + 1_000) });
    const backtest = await backtestRule(rule, context, { range: "24h" });
    expect(backtest.stepSeconds).toBe(60);
    const rows = await db.prisma.alertTransition.findMany({ where: { ruleId }, include: { series: true }, orderBy: { evaluatedAt: "asc" } });
    const burst = truth.incidents.find((incident) => incident.id === "users-null-user-500")!;
    const users = backtest.series.find((series) => series.seriesKey === "users")!;
    expect(users.firedCount).toBe(1);
    expect(users.spans).toEqual([{ status: "firing", from: new Date(Date.parse(burst.start) + MIN).toISOString(), to: new Date(Date.parse(burst.end) + MIN).toISOString() }]);
    // Every series: the firing episodes the worker recorded (it started 40 minutes back) are the backtest's.
    for (const series of backtest.series) {
      const fromBacktest = series.spans.filter((span) => span.status === "firing" && Date.parse(span.from) > SLOTS[0]!).map((span) => span.from);
      const fromWorker = rows.filter((row) => row.series.seriesKey === series.seriesKey && row.toStatus === "firing" && row.evaluatedAt.getTime() > SLOTS[0]!).map((row) => row.evaluatedAt.toISOString());
      expect({ series: series.seriesKey, firing: fromBacktest }).toEqual({ series: series.seriesKey, firing: fromWorker });
    }
    // The same rule with a threshold over the burst's rate never fires.
    const higher = await backtestRule({ ...rule, condition: { ...rule.condition, threshold: 100 } }, context, { range: "24h" });
    expect(higher.firedCount).toBe(0);
  });

  it("delivers exactly one firing and one resolved per episode to a receiver that fails twice, each signature valid", async () => {
    for (let round = 0; round < 20; round++) {
      await sendDueNotifications({ pool: db.pool, policy: {}, timeoutMs: 5_000, maxAttempts: 5, retryBaseMs: 1 });
      const pending = await db.prisma.alertNotification.count({ where: { status: "pending" } });
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const notifications = await db.prisma.alertNotification.findMany({ where: { ruleId }, include: { deliveryAttempts: true, series: true } });
    expect(notifications.every((n) => n.status === "delivered")).toBe(true);
    const accepted = receiver.requests.filter((request) => request.status === 200);
    expect(receiver.requests.filter((request) => request.status === 503)).toHaveLength(2);
    for (const request of receiver.requests) expect(verifyWebhookSignature(SECRET, request.body, request.headers["x-triage-signature"] as string)).toBe(true);
    const bodies = accepted.map((request) => JSON.parse(request.body) as NotificationContent);
    const usersMessages = bodies.filter((body) => body.service === "users").map((body) => body.kind);
    expect(usersMessages).toEqual(["firing", "resolved"]);
    // One accepted delivery per outbox row: the retried ones carried the same idempotency key.
    expect(new Set(accepted.map((request) => request.headers["idempotency-key"])).size).toBe(accepted.length);
    expect(accepted.length).toBe(notifications.length);
    // Every attempt is recorded: the two refused ones with the receiver's status, then the success.
    const attempts = notifications.flatMap((n) => n.deliveryAttempts);
    expect(attempts.filter((a) => !a.ok).map((a) => a.httpStatus)).toEqual([503, 503]);
    expect(attempts.filter((a) => a.ok)).toHaveLength(notifications.length);
    for (const n of notifications) expect(n.attempts).toBe(n.deliveryAttempts.length);
    const firing = bodies.find((body) => body.service === "users" && body.kind === "firing")!;
    expect(firing).toMatchObject({ rule: { name: "5xx rate per service", severity: "critical", runbookUrl: "https://runbooks.example/5xx" }, threshold: 20, windowMinutes: 1, state: "firing" });
    expect(firing.value).toBeGreaterThan(20);
    const link = new URL(firing.link);
    expect(link.pathname).toBe("/logs");
    expect(link.searchParams.get("service")).toBe("users");
  });
});
