// A slow_statements rule for the demo's slow orders query fingerprint on real Postgres and both
// real engines: the worker fires during the demo's orders-slow-query incident at exactly the
// evaluations the generator's own documents predict, and the backtest counts the same statements
// per window (its lookup of the fingerprint's statements plus one histogram).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machineRule } from "@/lib/alerts/evaluate-rule";
import { stepSeries, type SeriesState } from "@/lib/alerts/state-machine";
import { createDemoLogRun } from "@/lib/demo/generate-demo-logs";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import type { DemoLogDocument } from "@/lib/demo/log-document";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import type { AlertRuleInput } from "@/lib/schemas/alert-rule";
import { fingerprintStatement, loadSqlParser } from "@/lib/sql/fingerprint";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";
import { createTestRule, openAlertsDatabase } from "@/lib/testing/alerts";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { createLogContext } from "../logs/log-context";
import { backtestRule } from "./backtest-rule";
import { runEvaluationCycle } from "./run-evaluation-cycle";

const MIN = 60_000;
const ANCHOR = Math.floor(Date.now() / MIN) * MIN;
const demo = { seed: 7331, anchor: new Date(ANCHOR), targetLines: 12_000 } as const;
// The incident is at -35 minutes for 5 minutes: evaluate every minute from -45 to the anchor.
const SLOTS = Array.from({ length: 46 }, (_, i) => ANCHOR - 45 * MIN + i * MIN);
const ORDERS_QUERY = "SELECT * FROM orders WHERE user_id = 1 AND status = 'paid' ORDER BY created_at DESC";
const THRESHOLD_MS = 500;

/** Per slot, the orders lines and the slow runs of the fingerprint in the minute before it, from the generator's documents. */
async function groundTruth(fingerprint: string): Promise<Map<number, { lines: number; slow: number }>> {
  await loadSqlParser();
  const perSlot = new Map(SLOTS.map((slot) => [slot, { lines: 0, slow: 0 }]));
  for (const batch of createDemoLogRun(demo).batches()) {
    for (const doc of batch as DemoLogDocument[]) {
      if (doc.service.name !== "orders") continue;
      const at = Date.parse(doc["@timestamp"]);
      const row = perSlot.get(Math.floor(at / MIN) * MIN + MIN);
      if (!row) continue;
      row.lines += 1;
      if (doc.db && doc.event && doc.event.duration >= THRESHOLD_MS * 1e6 && fingerprintStatement(doc.db.statement).fingerprint === fingerprint) row.slow += 1;
    }
  }
  return perSlot;
}

function predict(rule: AlertRuleInput, truth: Map<number, { lines: number; slow: number }>) {
  let state: SeriesState | undefined;
  const transitions: Array<{ at: number; to: string }> = [];
  for (const slot of SLOTS) {
    const row = truth.get(slot)!;
    const result = stepSeries(state, row.lines > 0 ? { kind: "value", value: row.slow } : { kind: "nodata" }, machineRule(rule), { now: slot });
    if (result.transition) transitions.push({ at: slot, to: result.transition.to });
    state = result.state;
  }
  return transitions;
}

describe.each(TEST_ENGINES)("slow_statements alert on $name", (engine) => {
  const index = uniqueTestIndex("slowalert");
  let store: LogStore;
  let groundTruthRun: DemoGroundTruth;
  let database: TestDatabase;
  let db: ReturnType<typeof openAlertsDatabase>;
  let ruleId: string;
  let rule: AlertRuleInput;
  let truth: Map<number, { lines: number; slow: number }>;

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    await loadSqlParser();
    const fingerprint = fingerprintStatement(ORDERS_QUERY).fingerprint;
    [groundTruthRun, database, truth] = await Promise.all([seedDemoLogs(store, { index, ...demo }), createTestDatabase("alerts_slow"), groundTruth(fingerprint)]);
    db = openAlertsDatabase(database.url);
    ({ id: ruleId, rule } = await createTestRule(
      db.prisma,
      {
        name: "slow orders query",
        severity: "warning",
        measure: { kind: "slow_statements", fingerprint, thresholdMs: THRESHOLD_MS },
        scope: { services: ["orders"] },
        condition: { comparator: "above", threshold: 3, windowMinutes: 1, intervalSeconds: 60 },
      },
      new Date(SLOTS[0]!),
    ));
    const context = createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } });
    for (const slot of SLOTS) {
      const result = await runEvaluationCycle({ pool: db.pool, loadContext: async () => context, now: () => new Date(slot + 1_000), batchSize: 100, settleMs: 0, appUrl: "https://triage.example" });
      expect(result.claimed).toBe(1);
      expect(result.engineRequests).toBe(1);
    }
  }, 180_000);

  afterAll(async () => {
    await db?.close();
    await database?.drop();
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("fires during the slow-orders incident at the evaluations the generator's documents predict", async () => {
    const incident = groundTruthRun.incidents.find((i) => i.id === "orders-slow-query")!;
    const rows = await db.prisma.alertTransition.findMany({ where: { ruleId }, orderBy: { evaluatedAt: "asc" } });
    const recorded = rows.map((row) => ({ at: row.evaluatedAt.getTime(), to: row.toStatus as string }));
    expect(recorded).toEqual(predict(rule, truth));
    const firing = recorded.filter((t) => t.to === "firing").map((t) => t.at);
    expect(firing.length).toBeGreaterThan(0);
    // Every firing begins inside the incident (or the minute its last window closes).
    for (const at of firing) expect(at > Date.parse(incident.start) && at <= Date.parse(incident.end) + MIN).toBe(true);
    expect((await db.prisma.alertRuleSchedule.findUniqueOrThrow({ where: { ruleId } })).lastError).toBeNull();
  });

  it("the backtest counts the same slow statements per window and fires at the same evaluations", async () => {
    const context = createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING }, now: new Date(ANCHOR + 1_000) });
    const backtest = await backtestRule(rule, context, { range: "24h" });
    expect(backtest.unit).toBe("statements");
    const series = backtest.series.find((s) => s.seriesKey === "*")!;
    const values = new Map(series.points.map((point) => [Date.parse(point.at), point.value]));
    for (const slot of SLOTS) {
      const row = truth.get(slot)!;
      expect({ slot: new Date(slot).toISOString(), value: values.get(slot) }).toEqual({ slot: new Date(slot).toISOString(), value: row.lines > 0 ? row.slow : expect.anything() });
    }
    const rows = await db.prisma.alertTransition.findMany({ where: { ruleId, toStatus: "firing" }, orderBy: { evaluatedAt: "asc" } });
    const fromBacktest = series.spans.filter((span) => span.status === "firing" && Date.parse(span.from) >= SLOTS[0]!).map((span) => span.from);
    expect(fromBacktest).toEqual(rows.map((row) => row.evaluatedAt.toISOString()));
  });
});
