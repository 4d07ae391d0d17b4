import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import { createLogStore } from "@/lib/server/log-store";
import type { LogStore } from "@/lib/server/log-store/types";
import { seedDemoLogs } from "./seed-demo-logs";

const ENGINES = [
  { name: "Elasticsearch", urlVariable: "TEST_ES_URL", url: process.env.TEST_ES_URL, username: process.env.TEST_ES_USERNAME, password: process.env.TEST_ES_PASSWORD },
  { name: "OpenSearch", urlVariable: "TEST_OS_URL", url: process.env.TEST_OS_URL, username: undefined, password: undefined },
];

type Counts = Record<string, number>;

/** service -> minute -> count, from an engine aggregation over the lines matching `query`. */
async function countPerServicePerMinute(store: LogStore, index: string, query: Record<string, unknown>): Promise<Counts> {
  const result = await store.search({
    index,
    body: {
      size: 0,
      query,
      aggs: {
        services: {
          terms: { field: "service.name", size: 20 },
          aggs: { minutes: { date_histogram: { field: "@timestamp", fixed_interval: "1m", min_doc_count: 1 } } },
        },
      },
    },
  });
  type Buckets = { buckets: { key: string; minutes: { buckets: { key: number; doc_count: number }[] } }[] };
  const counts: Counts = {};
  for (const service of (result.aggregations?.services as Buckets).buckets) {
    for (const minute of service.minutes.buckets) counts[`${service.key} ${new Date(minute.key).toISOString()}`] = minute.doc_count;
  }
  return counts;
}

function expected(truth: DemoGroundTruth, pick: (row: DemoGroundTruth["perServicePerMinute"][number]) => number): Counts {
  const counts: Counts = {};
  for (const row of truth.perServicePerMinute) if (pick(row) > 0) counts[`${row.service} ${row.minute}`] = pick(row);
  return counts;
}

describe.each(ENGINES)("seedDemoLogs on $name", (engine) => {
  const index = `logs-triage-test-${randomUUID().slice(0, 8)}`;
  let store: LogStore | undefined;
  let truth: DemoGroundTruth;

  beforeAll(async () => {
    if (!engine.url) {
      throw new Error(`${engine.urlVariable} is not set: run integration tests through \`npm test\`, or point ${engine.urlVariable} at a running ${engine.name} node.`);
    }
    store = await createLogStore({ url: engine.url, username: engine.username || undefined, password: engine.password || undefined, requestTimeoutMs: 30_000 });
    truth = await seedDemoLogs(store, { index, seed: 1234, anchor: Date.now(), targetLines: 5000 });
  });

  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("indexes every generated line", async () => {
    const result = await store!.search({ index, body: { size: 0, track_total_hits: true, query: { match_all: {} } } });
    expect(result.total).toBe(truth.totals.lines);
  });

  it("agrees with the ground truth on 5xx lines per service per minute", async () => {
    const engineCounts = await countPerServicePerMinute(store!, index, { range: { "http.response.status_code": { gte: 500 } } });
    expect(Object.keys(engineCounts).length).toBeGreaterThan(0);
    expect(engineCounts).toEqual(expected(truth, (r) => r.status5xx));
  });

  it("agrees on request lines and error lines per service per minute", async () => {
    expect(await countPerServicePerMinute(store!, index, { exists: { field: "http.response.status_code" } })).toEqual(expected(truth, (r) => r.requestLines));
    expect(await countPerServicePerMinute(store!, index, { terms: { "log.level": ["ERROR", "FATAL"] } })).toEqual(expected(truth, (r) => r.errorLines));
  });

  it("finds a payments-timeout request across four services by its X-Request-ID", async () => {
    const facts = truth.incidents.find((i) => i.id === "payments-provider-timeout")?.timelines[0];
    expect(facts).toBeDefined();
    const result = await store!.search({
      index,
      body: { size: 100, query: { term: { "http.request.id": facts!.requestId } }, sort: [{ "@timestamp": "asc" }] },
    });
    expect(result.total).toBe(facts!.lineCount);
    expect(new Set(result.hits.map((h) => (h._source.service as { name: string }).name))).toEqual(new Set(["gateway", "auth", "orders", "payments"]));
  });
});
