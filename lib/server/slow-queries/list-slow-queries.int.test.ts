import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoLogRun } from "@/lib/demo/generate-demo-logs";
import { DEMO_SOURCE_MAPPINGS } from "@/lib/demo/demo-sources";
import type { DemoLogDocument } from "@/lib/demo/log-document";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { fingerprintStatement, loadSqlParser } from "@/lib/sql/fingerprint";
import { createLogContext, type ReadSource } from "@/lib/server/logs/log-context";
import { countEngineCalls } from "@/lib/testing/count-engine-calls";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { ensureLogIndexTemplate } from "../log-store/ensure-log-index-template";
import { getOverview } from "../overview/get-overview";
import { getSlowQuery } from "./get-slow-query";
import { listSlowQueries } from "./list-slow-queries";

const anchor = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const demo = { seed: 11, anchor, targetLines: 8000, environment: "production" } as const;

interface Truth {
  count: number;
  totalMs: number;
  durations: number[];
}

/** Slow statements per fingerprint from the generator's own documents (statement lines at or over the threshold). */
async function groundTruth(thresholdMs: number): Promise<Map<string, Truth>> {
  await loadSqlParser();
  const truth = new Map<string, Truth>();
  for (const batch of createDemoLogRun(demo).batches()) {
    for (const doc of batch as DemoLogDocument[]) {
      if (!doc.db || !doc.event) continue;
      const ms = doc.event.duration / 1e6;
      if (ms < thresholdMs) continue;
      const { fingerprint } = fingerprintStatement(doc.db.statement);
      const row = truth.get(fingerprint) ?? { count: 0, totalMs: 0, durations: [] };
      row.count += 1;
      row.totalMs += ms;
      row.durations.push(ms);
      truth.set(fingerprint, row);
    }
  }
  return truth;
}

function p95Bounds(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = 0.95 * (sorted.length - 1);
  return [sorted[Math.max(0, Math.floor(rank) - 1)]!, sorted[Math.min(sorted.length - 1, Math.ceil(rank) + 1)]!];
}

describe.each(TEST_ENGINES)("slow queries on $name equal the generator's ground truth", (engine) => {
  const base = uniqueTestIndex("slowq");
  const sources = { app: `${base}-app`, gateway: `${base}-gateway`, postgres: `${base}-postgres` };
  let store: LogStore;
  let windowStart: string;

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    const truth = await seedDemoLogs(store, { index: `${base}-unused`, sources, ...demo });
    windowStart = truth.windowStart;
  });
  afterAll(async () => {
    for (const index of Object.values(sources)) await store?.deleteIndex(index);
    await store?.close();
  });

  const app: () => ReadSource = () => ({ name: "app", indexPattern: sources.app, mapping: ECS_FIELD_MAPPING });
  const postgres: () => ReadSource = () => ({ name: "postgres", indexPattern: sources.postgres, mapping: DEMO_SOURCE_MAPPINGS.postgres });

  async function list(threshold: number, readSources: ReadSource[], target: LogStore = store, sort: "total" | "p95" | "count" = "total") {
    return listSlowQueries({ from: windowStart, to: anchor.toISOString(), threshold, sort, service: [], source: [] }, createLogContext({ store: target, sources: readSources }));
  }

  it("counts, totals and p95 per fingerprint match, from the app's db.statement lines, in two round trips", async () => {
    const truth = await groundTruth(5);
    const counting = countEngineCalls(store);
    const response = await list(5, [app()], counting.store);
    expect(counting.calls).toEqual(["msearch", "msearch"]);
    expect(response.roundTrips).toBe(2);
    expect(response.notices).toEqual([]);
    expect(response.fingerprints).toBe(truth.size);
    expect(response.rows.length).toBeGreaterThan(2);
    expect(response.slowLines).toBe([...truth.values()].reduce((sum, row) => sum + row.count, 0));
    for (const row of response.rows) {
      const expected = truth.get(row.fingerprint)!;
      expect(row.count, row.statement).toBe(expected.count);
      expect(row.totalMs).toBeCloseTo(expected.totalMs, 0);
      // TDigest interpolates between neighbouring values (exact ranks at these sizes): p95 lies between the order statistics around rank 0.95·n.
      const [low, high] = p95Bounds(expected.durations);
      expect(row.p95Ms!, row.statement).toBeGreaterThanOrEqual(low * 0.99);
      expect(row.p95Ms!, row.statement).toBeLessThanOrEqual(high * 1.01);
      expect(row.trend.reduce((a, b) => a + b, 0)).toBe(expected.count);
    }
  });

  it("puts the orders query at the top by total time, with the sqlcommenter comment gone from its text", async () => {
    const response = await list(500, [app(), postgres()]);
    const top = response.rows[0]!;
    expect(top.statement).toBe("SELECT * FROM orders WHERE user_id = $1 AND status = $2 ORDER BY created_at DESC");
    expect(top.services).toEqual(["orders"].concat(top.services.length > 1 ? top.services.slice(1) : []));
    // Both sources logged the same runs: counted once, from one of them, the other named.
    const truth = (await groundTruth(500)).get(top.fingerprint)!;
    expect(top.count).toBe(truth.count);
    expect(top.alsoIn).toHaveLength(1);
    expect(response.rows.map((row) => row.totalMs)).toEqual([...response.rows.map((row) => row.totalMs)].sort((a, b) => b - a));
  });

  it("reads Filebeat's postgresql.log.query lines alone and agrees with the app's numbers", async () => {
    const [fromApp, fromPostgres] = await Promise.all([list(100, [app()]), list(100, [postgres()])]);
    const byFingerprint = new Map(fromApp.rows.map((row) => [row.fingerprint, row]));
    expect(fromPostgres.rows.length).toBeGreaterThan(0);
    for (const row of fromPostgres.rows) {
      expect(row.count).toBe(byFingerprint.get(row.fingerprint)?.count);
      expect(row.source).toBe("postgres");
    }
  });

  it("shows the top statements on the overview from the overview's one _msearch", async () => {
    const counting = countEngineCalls(store);
    const overview = await getOverview({ from: windowStart, to: anchor.toISOString(), service: [], environment: [], source: [] }, createLogContext({ store: counting.store, sources: [app(), postgres()] }));
    expect(counting.calls).toEqual(["msearch"]);
    expect(overview.slowQueryThresholdMs).toBe(500);
    const panel = await list(500, [app(), postgres()]);
    expect(overview.slowQueries.map((row) => [row.fingerprint, row.count])).toEqual(panel.rows.slice(0, 5).map((row) => [row.fingerprint, row.count]));
  });

  it("opens a fingerprint: samples with their requests' ids, occurrences and the endpoints that issue it", async () => {
    const top = (await list(500, [app(), postgres()])).rows[0]!;
    const detail = await getSlowQuery(top.fingerprint, { from: windowStart, to: anchor.toISOString(), threshold: 500, service: [], source: [] }, createLogContext({ store, sources: [app(), postgres()] }));
    expect(detail.row?.count).toBe(top.count);
    expect(detail.occurrences.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(top.count);
    expect(detail.samples.length).toBe(Math.min(20, top.count));
    expect(detail.samples.map((sample) => sample.durationMs)).toEqual([...detail.samples.map((sample) => sample.durationMs)].sort((a, b) => b - a));
    expect(detail.samples.every((sample) => sample.correlationId)).toBe(true);
    expect(detail.endpoints).toEqual([expect.objectContaining({ service: "orders", method: "GET", path: "/orders" })]);
    expect(detail.roundTrips).toBe(4);
  });

  it("sorts by count and by p95 when asked", async () => {
    const byCount = await list(100, [app()], store, "count");
    expect(byCount.rows.map((row) => row.count)).toEqual([...byCount.rows.map((row) => row.count)].sort((a, b) => b - a));
    const byP95 = await list(100, [app()], store, "p95");
    expect(byP95.rows.map((row) => row.p95Ms)).toEqual([...byP95.rows.map((row) => row.p95Ms)].sort((a, b) => b! - a!));
  });
});

describe.each(TEST_ENGINES)("statements longer than the keyword field on $name", (engine) => {
  const index = uniqueTestIndex("slowlong");
  let store: LogStore;
  const now = Date.now();
  // Longer than the ECS template's ignore_above (2,048): the terms aggregation cannot see them.
  const long = (n: number) => `SELECT * FROM orders WHERE id IN (${Array.from({ length: 600 }, (_, i) => i + n).join(", ")})`;

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    const line = (statement: string, ms: number, i: number) => ({ "@timestamp": new Date(now - 60_000 + i).toISOString(), service: { name: "orders" }, message: "query", db: { statement }, event: { duration: ms * 1e6 } });
    const docs = [...Array.from({ length: 5 }, (_, i) => line(long(i * 1000), 900 + i, i)), ...Array.from({ length: 3 }, (_, i) => line(`SELECT * FROM users WHERE id = ${i}`, 700, 10 + i))];
    await ensureLogIndexTemplate(store);
    expect((await store.bulkIndex(index, docs, { refresh: true })).failed).toBe(0);
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("counts them, reads them one by one to fingerprint them, and says so", async () => {
    const response = await listSlowQueries({ from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString(), threshold: 500, sort: "total", service: [], source: [] }, createLogContext({ store, sources: [{ name: "app", indexPattern: index, mapping: ECS_FIELD_MAPPING }] }));
    expect(response.slowLines).toBe(8);
    const longRow = response.rows.find((row) => row.statement.startsWith("SELECT * FROM orders WHERE id IN"));
    expect(longRow).toMatchObject({ count: 5, maxMs: 904 });
    expect(longRow!.p95Ms).not.toBeNull();
    expect(response.rows.find((row) => row.statement.startsWith("SELECT * FROM users"))?.count).toBe(3);
    expect(response.notices.join(" ")).toMatch(/5 slow lines hold statements longer than the keyword field indexes; 5 of them were read one by one/);
  });
});
