// The log engine stopped mid-run: the test's OWN node (scripts/search-node.ts on port 9232, never
// the shared ones) goes down while rules are firing. Rules go to the engine-error state, never to
// OK; one outage notification goes to each contact point, however many rules use it; no resolve is
// sent; when the node is back, evaluation resumes from the stored state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";
import { uniqueTestIndex } from "@/lib/testing/test-engines";
import { createTestRule, openAlertsDatabase } from "@/lib/testing/alerts";
import { startSearchNode, stopSearchNode, type SearchNode } from "@/scripts/search-node";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import { createLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { createLogContext } from "../logs/log-context";
import { runEvaluationCycle } from "./run-evaluation-cycle";

const MIN = 60_000;
const ANCHOR = Math.floor(Date.now() / MIN) * MIN;
const PORT = 9232;
const NAME = "alerts-outage-9232";
const log = () => undefined;

describe("an engine outage mid-run", () => {
  const index = uniqueTestIndex("alerts-outage");
  let node: SearchNode;
  let store: LogStore;
  let database: TestDatabase;
  let db: ReturnType<typeof openAlertsDatabase>;
  const ruleIds: string[] = [];
  const pointIds: string[] = [];

  const connect = async () => createLogStore({ url: node.url, username: node.username, password: node.password, requestTimeoutMs: 15_000 });
  const cycle = (slot: number) =>
    runEvaluationCycle({ pool: db.pool, loadContext: async () => createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }), now: () => new Date(slot + 1_000), batchSize: 100, settleMs: 0, appUrl: "https://triage.example" });

  beforeAll(async () => {
    [node, database] = await Promise.all([startSearchNode({ port: PORT, name: NAME, log }), createTestDatabase("alerts_outage")]);
    // A fresh node on a busy machine indexes slowly: the seeding client waits longer than the worker's.
    const seeder = await createLogStore({ url: node.url, username: node.username, password: node.password, requestTimeoutMs: 120_000 });
    await seedDemoLogs(seeder, { index, seed: 7, anchor: ANCHOR, targetLines: 3_000, windowMinutes: 30 });
    await seeder.close();
    store = await connect();
    db = openAlertsDatabase(database.url);
    for (const name of ["pager", "chat"]) pointIds.push((await db.prisma.contactPoint.create({ data: { name, kind: "webhook", url: "http://127.0.0.1:9/unused" } })).id);
    // Three rules that fire on any error line, all notifying both contact points.
    for (let i = 0; i < 3; i++) {
      const created = await createTestRule(
        db.prisma,
        { name: `errors #${i}`, severity: "critical", measure: { kind: "error_lines" }, condition: { comparator: "above", threshold: 0, windowMinutes: 10, intervalSeconds: 60 }, contactPointIds: pointIds },
        new Date(ANCHOR - 6 * MIN),
      );
      ruleIds.push(created.id);
    }
  }, 300_000);

  afterAll(async () => {
    await store?.deleteIndex(index).catch(() => undefined);
    await store?.close();
    await stopSearchNode(NAME, log);
    await db?.close();
    await database?.drop();
  }, 120_000);

  it("holds every rule in the error state, notifies each contact point once, sends no resolve, and resumes on return", async () => {
    for (const slot of [ANCHOR - 6 * MIN, ANCHOR - 5 * MIN]) expect((await cycle(slot)).outage).toBe(false);
    const firing = await db.prisma.alertSeries.findMany({ where: { ruleId: { in: ruleIds } } });
    expect(firing.map((s) => s.status)).toEqual(["firing", "firing", "firing"]);

    await stopSearchNode(NAME, log);
    for (const slot of [ANCHOR - 4 * MIN, ANCHOR - 3 * MIN, ANCHOR - 2 * MIN]) {
      const result = await cycle(slot);
      expect(result).toMatchObject({ claimed: 3, outage: true });
    }
    const during = await db.prisma.alertSeries.findMany({ where: { ruleId: { in: ruleIds } } });
    expect(during.map((s) => s.status)).toEqual(["error", "error", "error"]);
    const schedules = await db.prisma.alertRuleSchedule.findMany({ where: { ruleId: { in: ruleIds } } });
    expect(schedules.every((s) => s.lastError?.includes("unreachable") || s.lastError?.includes("did not answer"))).toBe(true);
    const outage = await db.prisma.alertNotification.findMany({ where: { kind: "outage" } });
    expect(outage.map((n) => n.contactPointId).sort()).toEqual([...pointIds].sort());
    expect(await db.prisma.alertOutage.count({ where: { endedAt: null } })).toBe(1);

    node = await startSearchNode({ port: PORT, name: NAME, log });
    await store.close();
    store = await connect();
    for (const slot of [ANCHOR - MIN, ANCHOR]) expect((await cycle(slot)).outage).toBe(false);
    const after = await db.prisma.alertSeries.findMany({ where: { ruleId: { in: ruleIds } } });
    expect(after.map((s) => s.status)).toEqual(["firing", "firing", "firing"]);
    expect(await db.prisma.alertOutage.count({ where: { endedAt: null } })).toBe(0);
    // Per rule: the one firing from before the outage, no resolve, no second firing; per contact point: one outage.
    const notifications = await db.prisma.alertNotification.groupBy({ by: ["kind"], _count: true });
    expect(Object.fromEntries(notifications.map((n) => [n.kind, n._count]))).toEqual({ firing: ruleIds.length * pointIds.length, outage: pointIds.length });
    const transitions = await db.prisma.alertTransition.findMany({ where: { ruleId: ruleIds[0] }, orderBy: { evaluatedAt: "asc" } });
    expect(transitions.map((t) => `${t.fromStatus}>${t.toStatus}`)).toEqual(["ok>firing", "firing>error", "error>firing"]);
  }, 400_000);
});
