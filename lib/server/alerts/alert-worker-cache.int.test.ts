// The worker reads through the view cache: two rules with the same measurement, evaluated for the
// same instant in different cycles (or by two workers side by side), cost one engine request; the
// next instant is a new body and is asked afresh, never answered from the older one. Without the
// cache the same cycles send one request each. Real Elasticsearch and Postgres; the engine calls
// are counted on the store itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { countEngineCalls } from "@/lib/testing/count-engine-calls";
import { createTestRule, openAlertsDatabase } from "@/lib/testing/alerts";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";
import { ensureLogIndexTemplate } from "../log-store/ensure-log-index-template";
import type { LogStore } from "../log-store/types";
import { createLogContext } from "../logs/log-context";
import { noViewCache, ViewCache } from "../logs/view-cache";
import { runEvaluationCycle } from "./run-evaluation-cycle";

const MIN = 60_000;
const SLOT = Math.floor(Date.now() / MIN) * MIN - 10 * MIN;
// Error lines in each rule window (the minute before each instant): 3, then 7, then 2.
const PER_WINDOW = [3, 7, 2];

describe("the alert worker through the view cache", () => {
  const index = uniqueTestIndex("alerts-cache");
  let store: LogStore;
  let database: TestDatabase;
  let db: ReturnType<typeof openAlertsDatabase>;
  let counted: ReturnType<typeof countEngineCalls>;
  const ruleIds: string[] = [];
  const cache = new ViewCache({ maxBytes: 8 * 1024 * 1024, settleLagMs: 0, reuseMs: 30_000, topListsMs: 0 });

  beforeAll(async () => {
    store = await connectTestEngine(TEST_ENGINES[0]);
    await ensureLogIndexTemplate(store);
    const lines = PER_WINDOW.flatMap((count, window) =>
      Array.from({ length: count }, (_, i) => ({ "@timestamp": new Date(SLOT + (window - 1) * MIN + 1_000 + i * 1_000).toISOString(), message: `failure ${window}.${i}`, service: { name: "orders", environment: "production" }, log: { level: "ERROR" } })),
    );
    await store.bulkIndex(index, lines, { refresh: true });
    database = await createTestDatabase("alerts_cache");
    db = openAlertsDatabase(database.url);
    // Two rules that differ in name, severity and threshold, not in what they measure.
    for (const [name, severity, threshold] of [["orders errors (page)", "critical", 100], ["orders errors (ticket)", "warning", 50]] as const) {
      ruleIds.push((await createTestRule(db.prisma, { name, severity, measure: { kind: "error_lines" }, condition: { comparator: "above", threshold, windowMinutes: 1, intervalSeconds: 60 } }, new Date(SLOT))).id);
    }
    counted = countEngineCalls(store);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    await database?.drop();
    await store?.deleteIndex(index);
    await store?.close();
  });

  const settings = () => ({ indexPattern: index, mapping: ECS_FIELD_MAPPING });
  // One rule per cycle (batch size 1), each cycle with a context of its own, as the worker's loader builds them.
  const cycle = (now: number, viewCache: ViewCache) =>
    runEvaluationCycle({ pool: db.pool, loadContext: async () => createLogContext({ store: counted.store, settings: settings(), viewCache }), now: () => new Date(now), batchSize: 1, settleMs: 0, appUrl: "https://triage.example" });
  const msearches = () => counted.calls.filter((call) => call === "msearch").length;
  const lastValues = async () => (await db.prisma.alertSeries.findMany({ where: { ruleId: { in: ruleIds } } })).map((series) => series.lastValue);

  it("two cycles measuring the same instant share one engine request", async () => {
    const first = await cycle(SLOT + 1_000, cache);
    const second = await cycle(SLOT + 2_000, cache);
    expect([first.claimed, second.claimed]).toEqual([1, 1]);
    expect(msearches()).toBe(1);
    expect(await lastValues()).toEqual([3, 3]);
  });

  it("two workers side by side at the next instant share one request too, and read that instant's window, not the last one's", async () => {
    const results = await Promise.all([cycle(SLOT + MIN + 1_000, cache), cycle(SLOT + MIN + 1_000, cache)]);
    expect(results.map((result) => result.claimed)).toEqual([1, 1]);
    expect(msearches()).toBe(2);
    expect(await lastValues()).toEqual([7, 7]);
  });

  it("without the cache the same two cycles send a request each", async () => {
    await cycle(SLOT + 2 * MIN + 1_000, noViewCache());
    await cycle(SLOT + 2 * MIN + 2_000, noViewCache());
    expect(msearches()).toBe(4);
    expect(await lastValues()).toEqual([2, 2]);
  });
});
