// Any number of workers on one Postgres: two running side by side share the due rules (SKIP
// LOCKED) without evaluating one twice, and a worker SIGKILLed mid-cycle, while it holds its
// claimed rules, leaves nothing half-written: the next claim takes its rules over. Checked against
// the demo's ground truth: no transition lost, no notification duplicated. Postgres is the subject
// here, so one engine (the first) serves the reads.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { createTestRule, openAlertsDatabase, predictErrorRateTransitions, startReceiver } from "@/lib/testing/alerts";
import { sendDueNotifications } from "../notify/send-due-notifications";
import type { AlertRuleInput } from "@/lib/schemas/alert-rule";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { createLogContext } from "../logs/log-context";
import { runEvaluationCycle } from "./run-evaluation-cycle";

const MIN = 60_000;
const ANCHOR = Math.floor(Date.now() / MIN) * MIN;
const SLOTS = Array.from({ length: 30 }, (_, i) => ANCHOR - 30 * MIN + i * MIN);
const RULES = 24;
const engine = TEST_ENGINES[0];
const root = path.resolve(import.meta.dirname, "../../..");

describe("two workers and a killed worker on one database", () => {
  const index = uniqueTestIndex("alerts-conc");
  let store: LogStore;
  let truth: DemoGroundTruth;
  let database: TestDatabase;
  let workers: Array<ReturnType<typeof openAlertsDatabase>>;
  let rule: AlertRuleInput;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const ruleIds: string[] = [];

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    [truth, database, receiver] = await Promise.all([seedDemoLogs(store, { index, seed: 6160, anchor: ANCHOR, targetLines: 12_000 }), createTestDatabase("alerts_conc"), startReceiver()]);
    workers = [openAlertsDatabase(database.url), openAlertsDatabase(database.url)];
    const point = await workers[0]!.prisma.contactPoint.create({ data: { name: "hook", kind: "webhook", url: receiver.url } });
    for (let i = 0; i < RULES; i++) {
      const created = await createTestRule(
        workers[0]!.prisma,
        { name: `5xx #${i}`, severity: "warning", measure: { kind: "error_rate" }, scope: { perService: true }, condition: { comparator: "above", threshold: 20, windowMinutes: 1, intervalSeconds: 60 }, contactPointIds: [point.id] },
        new Date(SLOTS[0]!),
      );
      ruleIds.push(created.id);
      rule = created.rule;
    }
  }, 120_000);

  afterAll(async () => {
    await receiver?.close();
    for (const worker of workers ?? []) await worker.close();
    await database?.drop();
    await store?.deleteIndex(index);
    await store?.close();
  });

  const cycle = (worker: ReturnType<typeof openAlertsDatabase>, slot: number) =>
    runEvaluationCycle({ pool: worker.pool, loadContext: async () => createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }), now: () => new Date(slot + 1_000), batchSize: 7, settleMs: 0, appUrl: "https://triage.example" });

  /** Both workers drain one slot side by side, in batches of 7, as two processes would. */
  async function drainTogether(slot: number): Promise<number[]> {
    const claimedBy: [number, number] = [0, 0];
    await Promise.all(
      workers.map(async (worker, w) => {
        for (;;) {
          const result = await cycle(worker, slot);
          claimedBy[w as 0 | 1] += result.claimed;
          if (result.claimed === 0) return;
        }
      }),
    );
    return claimedBy;
  }

  it("never evaluates a rule twice, loses no transition when a worker is SIGKILLed mid-cycle, and notifies once per episode", async () => {
    // The slot where users starts firing (the burst begins at slot 10): the killed worker held that transition and its notification.
    const killAt = SLOTS[11]!;
    const split: number[][] = [];
    for (const slot of SLOTS) {
      if (slot === killAt) {
        // node itself with tsx as a loader (not the tsx wrapper, which forks): the SIGKILL hits the worker.
        const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/testing/alert-cycle-child.ts"], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: database.url, CHILD_ENGINE_URL: engine.url, CHILD_ENGINE_USERNAME: engine.username ?? "", CHILD_ENGINE_PASSWORD: engine.password ?? "", CHILD_INDEX: index, NOW_MS: String(slot + 1_000) },
          stdio: ["ignore", "pipe", "inherit"],
        });
        await new Promise<void>((resolve, reject) => {
          child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("MSEARCH_STARTED") && resolve());
          child.once("exit", (code) => reject(new Error(`child exited early (${code})`)));
        });
        // While it holds them, the other workers find nothing due: every rule is locked, none waits.
        expect((await cycle(workers[0]!, slot)).claimed).toBe(0);
        const exited = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
        child.kill("SIGKILL");
        expect(await exited).toBe("SIGKILL");
      }
      // Postgres ends a dead worker's transaction when it sees the connection close, a moment
      // after the kill; until then its rules stay locked (skipped, not waited for), so a live
      // worker takes them over on one of its next ticks.
      const total: [number, number] = [0, 0];
      for (let tick = 0; tick < 100 && total[0] + total[1] < RULES; tick++) {
        const claimed = await drainTogether(slot);
        total[0] += claimed[0] ?? 0;
        total[1] += claimed[1] ?? 0;
        if (total[0] + total[1] < RULES) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      split.push(total);
    }
    // Each slot's rules were evaluated once in all: by one worker or the other, never both.
    for (const claimed of split) expect(claimed[0]! + claimed[1]!).toBe(RULES);
    expect(split.some(([a, b]) => a! > 0 && b! > 0)).toBe(true);

    const db = workers[0]!.prisma;
    const schedules = await db.alertRuleSchedule.findMany({ where: { ruleId: { in: ruleIds } } });
    expect(schedules.every((s) => s.evaluations === SLOTS.length)).toBe(true);
    const transitions = await db.alertTransition.findMany({ include: { series: true }, orderBy: { evaluatedAt: "asc" } });
    const services = [...new Set(transitions.map((t) => t.series.seriesKey))];
    expect(services).toContain("users");
    let expectedFirings = 0;
    for (const service of services) {
      const predicted = predictErrorRateTransitions(truth, rule, service, SLOTS);
      expectedFirings += predicted.fired;
      for (const ruleId of ruleIds) {
        const recorded = transitions.filter((t) => t.ruleId === ruleId && t.series.seriesKey === service).map((t) => ({ at: t.evaluatedAt.getTime(), to: t.toStatus as string }));
        expect({ ruleId, service, recorded }).toEqual({ ruleId, service, recorded: predicted.transitions });
      }
    }
    const firings = await db.alertNotification.count({ where: { kind: "firing" } });
    expect(firings).toBe(expectedFirings * RULES);
    expect(expectedFirings).toBeGreaterThan(0);

    // Two senders drain the outbox side by side: every notification reaches the receiver exactly once.
    const total = await db.alertNotification.count();
    await Promise.all(
      workers.map(async (worker) => {
        for (let round = 0; round < 50; round++) {
          const sent = await sendDueNotifications({ pool: worker.pool, policy: {}, timeoutMs: 5_000, maxAttempts: 3, retryBaseMs: 1, batchSize: 10 });
          if (sent.sent + sent.failed + sent.retried === 0 && (await db.alertNotification.count({ where: { status: "pending" } })) === 0) return;
        }
      }),
    );
    expect(await db.alertNotification.count({ where: { status: "delivered" } })).toBe(total);
    const keys = receiver.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(total);
    expect(new Set(keys).size).toBe(total);
  }, 120_000);
});
