import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { buildLogIndexTemplate, LOG_INDEX_TEMPLATE_PRIORITY } from "@/lib/logs/index-template";
import { authorizationHeader, detectEngine } from "@/lib/server/log-store/detect-engine";
import { ensureLogIndexTemplate } from "@/lib/server/log-store/ensure-log-index-template";
import { buildLogStore, createLogStore } from "@/lib/server/log-store";
import { LogStoreQueryError, LogStoreUnavailableError, PointInTimeGoneError, PointInTimeRefusedError, type EngineKind, type LogStore, type LogStoreConfig } from "@/lib/server/log-store/types";

/** Enough of a _mapping answer to walk nested properties in assertions. */
type MappingProperties = Record<string, { type?: string; fields?: unknown; properties?: MappingProperties }>;

export interface ContractTarget {
  config: LogStoreConfig;
  engine: EngineKind;
  version: string;
}

const HOUR = 3_600_000;
const BASE_TIME = Date.UTC(2024, 0, 1);
const SERVICES = ["gateway", "orders", "payments"] as const;

/** Doc i: one per second from BASE_TIME; every 10th is a 500/ERROR; services rotate. */
function logLine(i: number): Record<string, unknown> {
  const failed = i % 10 === 0;
  return {
    "@timestamp": new Date(BASE_TIME + i * 1000).toISOString(),
    service: { name: SERVICES[i % 3], environment: "test" },
    log: { level: failed ? "ERROR" : "INFO" },
    http: { request: { id: `req-${i}`, method: "GET" }, response: { status_code: failed ? 500 : 200 } },
    url: { path: `/items/${i % 7}` },
    event: { duration: i * 1000 },
    message: `handled request ${i}`,
    custom: { tag: `t${i % 2}` },
  };
}

/** The behaviour every LogStore adapter must show against a real engine. */
export function describeLogStoreContract(name: string, getTarget: () => ContractTarget): void {
  describe(`LogStore contract: ${name}`, () => {
    // Throws at collection when the target's env vars are missing, failing the file loudly.
    const target = getTarget();
    const { config } = target;
    const suiteId = randomUUID().slice(0, 8);
    const templateName = `triage-contract-${suiteId}`;
    let store: LogStore;

    beforeAll(async () => {
      store = await createLogStore(config);
      // One above the app's template, on a pattern only this suite uses.
      await ensureLogIndexTemplate(store, `logs-triage-test-${suiteId}-*`, { name: templateName, priority: LOG_INDEX_TEMPLATE_PRIORITY + 1 });
    });
    afterAll(async () => {
      await raw(config, "DELETE", `_index_template/${templateName}`).catch(() => undefined);
      await store?.close();
    });

    async function freshIndex(documents: Record<string, unknown>[]): Promise<string> {
      const index = `logs-triage-test-${suiteId}-${randomUUID().slice(0, 8)}`;
      onTestFinished(() => store.deleteIndex(index));
      const result = await store.bulkIndex(index, documents, { refresh: true });
      expect(result).toMatchObject({ indexed: documents.length, failed: 0 });
      return index;
    }

    it("detects the engine and its version", async () => {
      expect(await detectEngine(config)).toEqual({ engine: target.engine, version: target.version });
      expect(store.engine).toBe(target.engine);
      expect(await store.info()).toEqual({ engine: target.engine, version: target.version });
    });

    it("reports cluster health", async () => {
      expect(["green", "yellow"]).toContain((await store.clusterHealth()).status);
    });

    it("applies the index template to new indices", async () => {
      const index = await freshIndex([logLine(1)]);
      const mapping = (await raw(config, "GET", `${index}/_mapping`)) as Record<string, { mappings: { properties: MappingProperties } }>;
      const properties = mapping[index]!.mappings.properties;
      expect(properties).toMatchObject({
        "@timestamp": { type: "date" },
        service: { properties: { name: { type: "keyword" } } },
        http: { properties: { response: { properties: { status_code: { type: "long" } } } } },
        message: { type: "text", fields: { keyword: { type: "keyword" } } },
        custom: { properties: { tag: { type: "keyword" } } },
      });
      const settings = (await raw(config, "GET", `${index}/_settings`)) as Record<string, { settings: { index: Record<string, string> } }>;
      expect(settings[index]!.settings.index).toMatchObject({ number_of_shards: "1", number_of_replicas: "0" });
      expect(buildLogIndexTemplate().indexPatterns).toEqual(["logs-triage-*"]);
    });

    it("bulk-indexes 12,000 documents and counts them exactly with filters", async () => {
      const index = await freshIndex(Array.from({ length: 12_000 }, (_, i) => logLine(i)));
      const count = async (query: Record<string, unknown>) => (await store.search({ index, body: { size: 0, track_total_hits: true, query } })).total;

      const all = await store.search({ index, body: { size: 0, track_total_hits: true, query: { match_all: {} } } });
      expect(all).toMatchObject({ total: 12_000, totalRelation: "eq" });
      expect((await store.search({ index, body: { size: 0, query: { match_all: {} } } })).totalRelation).toBe("gte");
      expect(await count({ term: { "service.name": "orders" } })).toBe(4_000);
      expect(await count({ range: { "http.response.status_code": { gte: 500 } } })).toBe(1_200);
      expect(await count({ range: { "@timestamp": { gte: new Date(BASE_TIME).toISOString(), lt: new Date(BASE_TIME + 1_000_000).toISOString() } } })).toBe(1_000);
      // i % 3 == 1 (orders) and i % 10 == 0 (500): i = 10, 40, 70, ... -> 400 lines
      expect(await count({ bool: { filter: [{ term: { "service.name": "orders" } }, { term: { "http.response.status_code": 500 } }] } })).toBe(400);

      const page = await store.search({ index, body: { size: 3, sort: [{ "@timestamp": "asc" }], query: { term: { "log.level": "ERROR" } } } });
      expect(page.hits.map((h) => h._source["message"])).toEqual(["handled request 0", "handled request 10", "handled request 20"]);
      expect(page.hits[0]).toMatchObject({ _index: index, _id: expect.any(String), sort: expect.any(Array) });
    });

    it("answers date_histogram, terms, filters and percentiles aggregations", async () => {
      const index = await freshIndex(Array.from({ length: 9_000 }, (_, i) => logLine(i)));
      const result = await store.search({
        index,
        body: {
          size: 0,
          track_total_hits: true,
          aggs: {
            over_time: { date_histogram: { field: "@timestamp", fixed_interval: "1h" }, aggs: { services: { terms: { field: "service.name", size: 10 } } } },
            kinds: { filters: { filters: { errors: { term: { "log.level": "ERROR" } }, server_errors: { range: { "http.response.status_code": { gte: 500 } } } } } },
            latency: { percentiles: { field: "event.duration", percents: [50, 95] } },
          },
        },
      });
      const aggs = result.aggregations as {
        over_time: { buckets: unknown[] };
        kinds: { buckets: unknown };
        latency: { values: Record<string, number> };
      };
      const buckets = aggs.over_time.buckets as { key: number; doc_count: number; services: { buckets: { key: string; doc_count: number }[] } }[];
      expect(buckets.map((b) => [b.key, b.doc_count])).toEqual([
        [BASE_TIME, 3_600],
        [BASE_TIME + HOUR, 3_600],
        [BASE_TIME + 2 * HOUR, 1_800],
      ]);
      expect(buckets[0]!.services.buckets.map((b) => b.doc_count)).toEqual([1_200, 1_200, 1_200]);
      expect(aggs.kinds.buckets).toEqual({ errors: { doc_count: 900 }, server_errors: { doc_count: 900 } });
      // Percentiles are t-digest estimates: within 10% of the true 4,500,000 / 8,550,000.
      expect(aggs.latency.values["50.0"]).toBeGreaterThan(4_050_000);
      expect(aggs.latency.values["50.0"]).toBeLessThan(4_950_000);
      expect(aggs.latency.values["95.0"]).toBeGreaterThan(7_695_000);
      expect(aggs.latency.values["95.0"]).toBeLessThan(9_405_000);
    });

    it("runs msearch in one round trip and answers in request order", async () => {
      const index = await freshIndex(Array.from({ length: 300 }, (_, i) => logLine(i)));
      const results = await store.msearch(
        SERVICES.map((service) => ({ index, body: { size: 1, track_total_hits: true, query: { term: { "service.name": service } }, sort: [{ "@timestamp": "asc" }] } })),
      );
      expect(results.map((r) => [r.total, r.hits[0]?._source["service"]])).toEqual(SERVICES.map((service) => [100, { name: service, environment: "test" }]));
      expect(await store.msearch([])).toEqual([]);
    });

    it("pages a point in time with search_after and a _shard_doc tiebreaker, frozen against later writes", async () => {
      // Pairs of lines share a timestamp, so only the tiebreaker keeps pages from overlapping.
      const documents = Array.from({ length: 1_200 }, (_, i) => ({ ...logLine(Math.floor(i / 2)), message: `line ${i}` }));
      const index = await freshIndex(documents);
      const pit = await store.openPointInTime(index, "1m");
      onTestFinished(() => store.closePointInTime(pit));
      await store.bulkIndex(index, [logLine(99_999)], { refresh: true });

      const seen: string[] = [];
      let searchAfter: unknown[] | undefined;
      let pitId = pit;
      for (let page = 0; page < 4; page++) {
        const body = { size: 500, track_total_hits: true, pit: { id: pitId, keep_alive: "1m" }, sort: [{ "@timestamp": "desc" }, { _shard_doc: "asc" }], ...(searchAfter ? { search_after: searchAfter } : {}) };
        // The first page goes through msearch, to prove a pit item needs no index there either.
        const result = page === 0 ? (await store.msearch([{ index, body }]))[0]! : await store.search({ index, body });
        expect(result).toMatchObject({ total: 1_200, totalRelation: "eq" });
        seen.push(...result.hits.map((hit) => String(hit._source["message"])));
        pitId = result.pitId ?? pitId;
        searchAfter = result.hits.at(-1)?.sort;
        if (result.hits.length < 500) break;
      }
      expect(seen).toHaveLength(1_200);
      expect(new Set(seen).size).toBe(1_200);

      await store.closePointInTime(pit);
      await store.closePointInTime(pit);
      const body = { size: 1, pit: { id: pit, keep_alive: "1m" }, sort: [{ "@timestamp": "desc" }] };
      await expect(store.search({ index, body })).rejects.toBeInstanceOf(PointInTimeGoneError);
      await expect(store.msearch([{ index, body }])).rejects.toBeInstanceOf(PointInTimeGoneError);
      // A damaged id: the same bytes with one character changed near the end.
      const damaged = `${pit.slice(0, -6)}${pit.at(-6) === "A" ? "B" : "A"}${pit.slice(-5)}`;
      await expect(store.search({ index, body: { ...body, pit: { id: damaged } } })).rejects.toBeInstanceOf(PointInTimeGoneError);
      await expect(store.search({ index, body: { ...body, pit: { id: "not base64!" } } })).rejects.toBeInstanceOf(PointInTimeGoneError);
    });

    it("says so when the engine answers but will not open a point in time", async () => {
      const index = await freshIndex([logLine(1)]);
      // Both engines cap keep-alive at 24h by default (search.max_keep_alive / point_in_time.max_keep_alive).
      const refused = await store.openPointInTime(index, "2d").then(
        (id) => store.closePointInTime(id).then(() => null),
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(PointInTimeRefusedError);
      expect((refused as Error).message).toMatch(/would not open a point in time \(HTTP 400\): .*keep alive/i);
    });

    it("turns a query_string syntax error into a LogStoreQueryError with the engine's reason", async () => {
      const index = await freshIndex([logLine(1)]);
      const bad = { index, body: { query: { query_string: { query: "status:(500 AND" } } } };
      const error = await store.search(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LogStoreQueryError);
      expect((error as Error).message).toMatch(/Failed to parse query|Cannot parse/);
      const itemError = await store.msearch([{ index, body: { query: { match_all: {} } } }, bad]).catch((e: unknown) => e);
      expect(itemError).toBeInstanceOf(LogStoreQueryError);
      expect((itemError as Error).message).toMatch(/Failed to parse query|Cannot parse/);
    });

    it("settles an msearch: a failed search comes back empty with its error, the others answer; a pattern that matches nothing searched no shard", async () => {
      const index = await freshIndex([logLine(1), logLine(2)]);
      const bad = { index, body: { query: { query_string: { query: "status:(500 AND" } } } };
      const [good, failed, nothing] = await store.msearch(
        [{ index, body: { track_total_hits: true, query: { match_all: {} } } }, bad, { index: `${index}-none-*`, body: { track_total_hits: true, query: { match_all: {} } } }],
        { settle: true },
      );
      expect(good).toMatchObject({ total: 2 });
      expect(good!.error).toBeUndefined();
      expect(good!.shards).toBeGreaterThan(0);
      expect(failed).toMatchObject({ total: 0, hits: [] });
      expect(failed!.error).toBeInstanceOf(LogStoreQueryError);
      expect(nothing).toMatchObject({ total: 0, shards: 0 });
    });

    it("reports an unreachable engine as LogStoreUnavailableError naming the URL", async () => {
      const blocked = await createLogStore({ ...config, url: "http://127.0.0.1:1" }).catch((e: unknown) => e);
      expect(blocked).toBeInstanceOf(LogStoreUnavailableError);
      expect((blocked as Error).message).toMatch(/^Search engine at http:\/\/127\.0\.0\.1:1 is unreachable: /);

      const url = `http://127.0.0.1:${await closedPort()}`;
      const probeError = await createLogStore({ ...config, url }).catch((e: unknown) => e);
      expect(probeError).toBeInstanceOf(LogStoreUnavailableError);
      expect((probeError as Error).message).toBe(`Search engine at ${url} is unreachable: connect ECONNREFUSED ${url.slice(7)}`);

      const offline = buildLogStore({ ...config, url }, { engine: target.engine, version: target.version });
      onTestFinished(() => offline.close());
      const searchError = await offline.search({ index: "logs-triage-*", body: {} }).catch((e: unknown) => e);
      expect(searchError).toBeInstanceOf(LogStoreUnavailableError);
      expect((searchError as Error).message).toMatch(new RegExp(`^(Elasticsearch|OpenSearch) at ${url} is unreachable: .*ECONNREFUSED`));
    });

    it("rejects when the caller's AbortSignal fires", async () => {
      const index = await freshIndex([logLine(1)]);
      const controller = new AbortController();
      const pending = store.search({ index, body: { query: { match_all: {} } } }, { signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: "AbortError" });
      await expect(store.msearch([{ index, body: {} }], { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
      await expect(store.clusterHealth({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    });

    it("bounds every call by the request timeout", async () => {
      // A peer that accepts connections and never answers: the only way to make a real call hang.
      const url = await silentPeer();
      const probeError = await createLogStore({ ...config, url, requestTimeoutMs: 300 }).catch((e: unknown) => e);
      expect(probeError).toBeInstanceOf(LogStoreUnavailableError);
      expect((probeError as Error).message).toBe(`Search engine at ${url} did not answer within 300 ms`);

      const stalled = buildLogStore({ ...config, url, requestTimeoutMs: 300 }, { engine: target.engine, version: target.version });
      onTestFinished(() => stalled.close());
      const started = Date.now();
      const error = await stalled.search({ index: "logs-triage-*", body: {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LogStoreUnavailableError);
      expect((error as Error).message).toMatch(/did not answer within 300 ms/);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it.runIf(Boolean(config.username))("reports refused credentials as LogStoreUnavailableError", async () => {
      const wrong = { ...config, password: "not-the-password" };
      const probeError = await createLogStore(wrong).catch((e: unknown) => e);
      expect(probeError).toBeInstanceOf(LogStoreUnavailableError);
      expect((probeError as Error).message).toMatch(/refused the credentials/);

      const locked = buildLogStore(wrong, { engine: target.engine, version: target.version });
      onTestFinished(() => locked.close());
      const searchError = await locked.search({ index: "logs-triage-*", body: {} }).catch((e: unknown) => e);
      expect(searchError).toBeInstanceOf(LogStoreUnavailableError);
      expect((searchError as Error).message).toMatch(/refused the credentials \(HTTP 401\)/);
    });
  });
}

/** A port that was free a moment ago: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Accepts TCP connections and never writes a byte; closed when the test finishes. */
async function silentPeer(): Promise<string> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

/** Verification beside the port (mappings, template clean-up) with plain HTTP. */
async function raw(config: LogStoreConfig, method: string, path: string): Promise<unknown> {
  const response = await fetch(new URL(path, `${config.url.replace(/\/$/, "")}/`), { method, headers: authorizationHeader(config) });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** Reads a required variable or explains how the test runner is meant to provide it. */
export function requireTestEnv(variable: string, hint: string): string {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set: ${hint}`);
  return value;
}
