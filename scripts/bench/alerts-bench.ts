// npm run bench:alerts -- [--lines 1000000] [--rules 1000] [--distinct 1000] [--cycles 5] [--reuse]
// The alert worker at scale: seeds <lines> demo lines (seed 42, the hour before the current
// minute) into logs-triage-bench-alerts-<lines> on LOGS_URL, creates <rules> rules of every
// measurable kind (error rate, error lines, p95/p99 latency, Lucene counts; per service and not;
// windows of 1 to 60 minutes) in a throwaway database on TEST_DATABASE_URL's server, all due at
// once, and runs <cycles> evaluation cycles. Reports engine requests, time and Postgres statements
// per cycle; saves JSON to bench/results/.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { alertRuleInputSchema, type AlertRuleFormValues } from "@/lib/schemas/alert-rule";
import { alertRuleRowData } from "@/lib/server/alerts/rule-rows";
import { runEvaluationCycle, type CycleResult } from "@/lib/server/alerts/run-evaluation-cycle";
import { seedDemoLogs } from "@/lib/server/demo/seed-demo-logs";
import { createLogStore } from "@/lib/server/log-store";
import { createLogContext } from "@/lib/server/logs/log-context";
import { createTestDatabase } from "@/prisma/factories";
import { countRoundTrips } from "./counting-store";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const LINES = arg("lines", 1_000_000);
const RULES = arg("rules", 1_000);
const CYCLES = arg("cycles", 5);
/** Distinct measurements among the rules (rules beyond it differ in threshold only, like warning/critical tiers). */
const DISTINCT = Math.min(arg("distinct", RULES), RULES);
const REUSE = process.argv.includes("--reuse");
const MIN = 60_000;

const WINDOWS = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60];
const SERVICE_SETS = [[], ["users"], ["orders"], ["users", "orders"], ["payments"], ["gateway"], ["auth"], ["payments", "orders", "users"]];

/** Rule i measures variant i mod DISTINCT (window, kind, per service or not, services, percentile or query), with its own threshold. */
function ruleValues(i: number, contactPointId: string): AlertRuleFormValues {
  const j = i % DISTINCT;
  const windowMinutes = WINDOWS[j % 10]!;
  const kind = Math.floor(j / 10) % 4;
  const perService = Math.floor(j / 40) % 2 === 0;
  const services = SERVICE_SETS[Math.floor(j / 80) % 8]!;
  const alternate = Math.floor(j / 640) % 2 === 1;
  const condition = { comparator: "above" as const, windowMinutes, intervalSeconds: 60 };
  const base = { name: `bench rule ${i}`, severity: "warning" as const, contactPointIds: [contactPointId], scope: { perService, services } };
  switch (kind) {
    case 0:
      return { ...base, measure: { kind: "error_rate" }, condition: { ...condition, threshold: 5 + (i % 20) } };
    case 1:
      return { ...base, measure: { kind: "error_lines" }, condition: { ...condition, threshold: 10 * (i % 10) } };
    case 2:
      return { ...base, measure: { kind: "latency_percentile", percentile: alternate ? "p95" : "p99" }, condition: { ...condition, threshold: 200 + i } };
    default:
      return { ...base, measure: { kind: "query_count", query: alternate ? "message:timeout" : "error.type:TypeError" }, condition: { ...condition, threshold: i % 7 } };
  }
}

async function main() {
  const url = process.env.LOGS_URL ?? "http://127.0.0.1:9210";
  const inner = await createLogStore({ url, username: process.env.LOGS_USERNAME || undefined, password: process.env.LOGS_PASSWORD || undefined, requestTimeoutMs: 120_000 });
  const counting = countRoundTrips(inner);
  const index = `logs-triage-bench-alerts-${LINES}`;
  const anchor = Math.floor(Date.now() / MIN) * MIN;
  const exists = REUSE && (await inner.search({ index, body: { size: 0, track_total_hits: true } }).then((r) => r.total >= LINES * 0.9).catch(() => false));
  if (!exists) {
    console.log(`Seeding ${LINES.toLocaleString("en-US")} lines into ${index} (${inner.engine})…`);
    await inner.deleteIndex(index);
    const started = Date.now();
    await seedDemoLogs(inner, { index, seed: 42, anchor, targetLines: LINES, concurrency: 2 });
    console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const database = await createTestDatabase("alerts_bench");
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    const point = await prisma.contactPoint.create({ data: { name: "bench", kind: "webhook", url: "http://127.0.0.1:9/bench" } });
    const firstDue = new Date(anchor - CYCLES * MIN);
    const rows = Array.from({ length: RULES }, (_, i) => alertRuleRowData(alertRuleInputSchema.parse(ruleValues(i, point.id))));
    await prisma.alertRule.createMany({ data: rows.map((row) => ({ ...row, labels: row.labels })) });
    const ids = (await prisma.alertRule.findMany({ select: { id: true } })).map((r) => r.id);
    await prisma.alertRuleContactPoint.createMany({ data: ids.map((ruleId) => ({ ruleId, contactPointId: point.id })) });
    await prisma.alertRuleSchedule.createMany({ data: ids.map((ruleId) => ({ ruleId, nextEvaluationAt: firstDue })) });

    const context = createLogContext({ store: counting.store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } });
    const cycles: Array<CycleResult & { engineTookMs: number; roundTrips: number }> = [];
    for (let c = 0; c < CYCLES; c++) {
      const slot = firstDue.getTime() + c * MIN;
      counting.take();
      const result = await runEvaluationCycle({ pool, loadContext: async () => context, now: () => new Date(slot + 1_000), batchSize: RULES, settleMs: 0, appUrl: "https://triage.example" });
      const tally = counting.take();
      cycles.push({ ...result, engineTookMs: tally.tookMs, roundTrips: tally.roundTrips });
      console.log(`cycle ${c + 1}: ${result.claimed} rules, ${tally.roundTrips} engine requests (engine took ${tally.tookMs} ms), ${result.statements} Postgres statements, ${result.transitions} transitions, ${result.notifications} notifications, ${result.durationMs} ms (claim ${result.phasesMs.claim}, engine ${result.phasesMs.engine}, decide ${result.phasesMs.decide}, write ${result.phasesMs.write})`);
    }
    const sorted = cycles.map((c) => c.durationMs).sort((a, b) => a - b);
    const report = { case: "alerts-cycle", engine: inner.engine, lines: LINES, rules: RULES, distinctMeasurements: DISTINCT, cycles, medianCycleMs: sorted[Math.floor(sorted.length / 2)], at: new Date().toISOString() };
    const dir = path.join(process.cwd(), "bench/results");
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `alerts-${inner.engine}-${LINES}-${RULES}-${Date.now()}.json`);
    await writeFile(file, JSON.stringify(report, null, 2));
    console.log(`\n| engine | lines | rules (distinct measurements) | engine requests / cycle | median cycle | Postgres statements / cycle |\n|---|---|---|---|---|---|\n| ${inner.engine} | ${LINES.toLocaleString("en-US")} | ${RULES} (${DISTINCT}) | ${Math.max(...cycles.map((c) => c.roundTrips))} | ${report.medianCycleMs} ms | ${Math.max(...cycles.map((c) => c.statements))} |`);
    console.log(`Saved ${path.relative(process.cwd(), file)}`);
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await database.drop();
    await inner.close();
  }
}

await main();
