// The worker on the embedded PGlite default: one connection for everything. The worker loop, its
// outbox sender and "app" reads share a pool of ONE connection (as the app does in the demo with
// ALERTS_WORKER=in-process), a rule fires and its notification is delivered, and an unreachable
// engine still gives one outage notification: the SQL (SKIP LOCKED, jsonb_to_recordset, advisory
// transaction locks) runs on PGlite as on Postgres.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { MIGRATIONS_DIR } from "@/prisma/factories";
import { createTestRule, openAlertsDatabase, startReceiver } from "@/lib/testing/alerts";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { migrate } from "../db/migrate";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import { buildLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { createLogContext } from "../logs/log-context";
import { startAlertWorker } from "./alert-worker";
import { runEvaluationCycle } from "./run-evaluation-cycle";

const MIN = 60_000;

describe("the alert worker on PGlite (one connection)", () => {
  const index = uniqueTestIndex("alerts-pglite");
  let pglite: PGlite;
  let server: PGLiteSocketServer;
  let store: LogStore;
  let db: ReturnType<typeof openAlertsDatabase>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let ruleId: string;

  beforeAll(async () => {
    pglite = await PGlite.create();
    server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 1 });
    await server.start();
    const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
    store = await connectTestEngine(TEST_ENGINES[0]);
    [receiver] = await Promise.all([startReceiver(), migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR }), seedDemoLogs(store, { index, seed: 99, anchor: Date.now(), targetLines: 2_000, windowMinutes: 20 })]);
    db = openAlertsDatabase(url, 1);
    const point = await db.prisma.contactPoint.create({ data: { name: "hook", kind: "webhook", url: receiver.url, secret: "pglite-secret-0123456789" } });
    ({ id: ruleId } = await createTestRule(db.prisma, { name: "any error", severity: "info", measure: { kind: "error_lines" }, condition: { comparator: "above", threshold: 0, windowMinutes: 15, intervalSeconds: 60 }, contactPointIds: [point.id] }, new Date()));
  }, 120_000);

  afterAll(async () => {
    await receiver?.close();
    await db?.close();
    await server?.stop();
    await pglite?.close();
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("evaluates, notifies, and records an outage while app reads share the one connection", async () => {
    const worker = startAlertWorker({
      pool: db.pool,
      loadContext: async () => createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }),
      policy: {},
      appUrl: "http://localhost:3000",
      tickMs: 50,
      batchSize: 100,
      settleMs: 0,
      timeoutMs: 5_000,
      maxAttempts: 3,
      retryBaseMs: 10,
    });
    try {
      const deadline = Date.now() + 30_000;
      while (receiver.requests.length === 0 && Date.now() < deadline) {
        // What the app's pages do meanwhile, through the same one-connection pool.
        await db.prisma.alertRule.findMany({ include: { series: true } });
      }
    } finally {
      await worker.stop();
    }
    expect(receiver.requests.map((r) => (JSON.parse(r.body) as { kind: string }).kind)).toEqual(["firing"]);
    expect((await db.prisma.alertSeries.findFirstOrThrow({ where: { ruleId } })).status).toBe("firing");

    const schedule = await db.prisma.alertRuleSchedule.findUniqueOrThrow({ where: { ruleId } });
    const down = buildLogStore({ url: "http://127.0.0.1:9", requestTimeoutMs: 2_000 }, { engine: store.engine, version: "9.0.0" });
    const result = await runEvaluationCycle({ pool: db.pool, loadContext: async () => createLogContext({ store: down, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }), now: () => new Date(schedule.nextEvaluationAt.getTime() + MIN), batchSize: 100, settleMs: 0, appUrl: "http://localhost:3000" });
    expect(result).toMatchObject({ claimed: 1, outage: true });
    expect(await db.prisma.alertNotification.count({ where: { kind: "outage" } })).toBe(1);
    expect((await db.prisma.alertSeries.findFirstOrThrow({ where: { ruleId } })).status).toBe("error");
  }, 60_000);
});
