import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SOURCE_MAPPINGS, DEMO_SOURCE_NAMES, type DemoSourceName } from "@/lib/demo/demo-sources";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import { requestDrilldownParamsSchema } from "@/lib/schemas/request-drilldown";
import { countEngineCalls } from "@/lib/testing/count-engine-calls";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { createLogContext, type ReadSource } from "../logs/log-context";
import { getRequestDrilldown } from "../requests/get-request-drilldown";
import { getOverview } from "./get-overview";
import { detectFieldMapping } from "../settings/detect-field-mapping";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";

const anchor = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const demo = { seed: 21, anchor, targetLines: 5000, environment: "production" } as const;
const cell = (service: string, time: number | string) => `${service} ${typeof time === "number" ? new Date(time).toISOString() : time}`;

describe.each(TEST_ENGINES)("three differently shaped sources on $name", (engine) => {
  const base = uniqueTestIndex("sources");
  const indices = Object.fromEntries(DEMO_SOURCE_NAMES.map((name) => [name, `${base}-${name}`])) as Record<DemoSourceName, string>;
  const sources: ReadSource[] = DEMO_SOURCE_NAMES.map((name) => ({ name, indexPattern: indices[name], mapping: DEMO_SOURCE_MAPPINGS[name] }));
  let store: LogStore;
  let truth: DemoGroundTruth;
  const context = (picked: readonly ReadSource[] = sources, target: LogStore = store) => createLogContext({ store: target, sources: picked, now: anchor });
  const overview = (picked?: readonly ReadSource[], target?: LogStore) =>
    getOverview({ from: truth.windowStart, to: truth.anchor, service: [], environment: [], source: [] }, context(picked, target));

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    truth = await seedDemoLogs(store, { index: "unused", sources: indices, ...demo });
  });
  afterAll(async () => {
    for (const index of Object.values(indices)) await store?.deleteIndex(index);
    await store?.close();
  });

  it("writes each source in its own shape, PostgreSQL's slow statements included", async () => {
    const [gateway, postgres] = await store.msearch([
      { index: indices.gateway, body: { size: 1, track_total_hits: true, query: { exists: { field: "res.statusCode" } } } },
      { index: indices.postgres, body: { size: 1, track_total_hits: true, query: { match_phrase: { "postgresql.log.query": "traceparent" } } } },
    ]);
    expect(gateway!.total).toBeGreaterThan(100);
    expect(gateway!.hits[0]!._source).toMatchObject({ level: expect.any(Number), time: expect.any(Number), name: "gateway", req: { id: expect.any(String) } });
    expect(postgres!.total).toBeGreaterThan(10);
  });

  it("lets Detect mapping propose each shaped source's own fields, the gateway's pino-http ones included", async () => {
    const detect = (index: string) => detectFieldMapping({ indexPattern: index }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }));
    const gateway = (await detect(indices.gateway)).mapping;
    expect(gateway).toMatchObject({ timestamp: "time", levelScheme: "pino", service: "name", message: "msg", status: "res.statusCode", path: "req.url", route: "route", duration: "responseTime", durationUnit: "ms" });
    expect(gateway.correlationIds).toContain("req.id");
    expect((await detect(indices.postgres)).mapping).toMatchObject({ timestamp: "@timestamp", sqlStatement: "postgresql.log.query", service: "service.name" });
  });

  it("adds the three sources up to the ground truth in one _msearch: requests, 5xx, 4xx and ERROR lines per service per minute", async () => {
    const calls = countEngineCalls(store);
    const response = await overview(sources, calls.store);
    // One round trip: every source's lines carry their route, so no ranking had to cut paths.
    expect(calls.calls).toEqual(["msearch"]);
    expect(response.notices).toEqual([]);
    const requests = Object.fromEntries(response.points.filter((p) => p.requests > 0).map((p) => [cell(p.service, p.time), [p.requests, p.serverErrors, p.status4xx]]));
    const expected = Object.fromEntries(truth.perServicePerMinute.filter((row) => row.requestLines > 0).map((row) => [cell(row.service, row.minute), [row.requestLines, row.status5xx, row.status4xx]]));
    expect(requests).toEqual(expected);
    const errors = Object.fromEntries(response.errorPoints.filter((p) => p.errorLines + p.fatalLines > 0).map((p) => [cell(p.service, p.time), p.errorLines + p.fatalLines]));
    const expectedErrors = Object.fromEntries(truth.perServicePerMinute.filter((row) => row.errorLines > 0).map((row) => [cell(row.service, row.minute), row.errorLines]));
    expect(errors).toEqual(expectedErrors);
    expect(response.topEndpoints).toEqual(truth.topFailingEndpoints.map((e) => ({ method: e.method, path: e.path, services: [e.service], requests: e.requests, serverErrors: e.status5xx, errorRate: e.status5xx / e.requests })));
    expect(response.available.services).toEqual(["auth", "gateway", "orders", "payments", "postgresql", "users"]);
    // A click on a service opens the explorer on a source that holds its lines.
    expect(response.serviceSources).toMatchObject({ gateway: ["gateway"], orders: ["app"], postgresql: ["postgres"] });
  });

  it("narrows every panel to the sources a filter names", async () => {
    const gatewayOnly = await overview(sources.filter((source) => source.name === "gateway"));
    expect(gatewayOnly.totals.map((total) => total.service)).toEqual(["gateway"]);
    const gatewayRequests = truth.perServicePerMinute.filter((row) => row.service === "gateway").reduce((sum, row) => sum + row.requestLines, 0);
    expect(gatewayOnly.totals[0]!.requests).toBe(gatewayRequests);
    const appOnly = await overview(sources.filter((source) => source.name === "app"));
    expect(appOnly.totals.map((total) => total.service).sort()).toEqual(["auth", "orders", "payments", "users"]);
    expect(appOnly.topEndpoints.every((endpoint) => !endpoint.services.includes("gateway"))).toBe(true);
  });

  it("reports a source that matches no index and one the engine refuses, and still answers from the others", async () => {
    const empty: ReadSource = { name: "nothing", indexPattern: `${base}-nothing-*`, mapping: DEMO_SOURCE_MAPPINGS.app };
    // Terms on a text field are refused by both engines: a mapping that names the wrong kind of field.
    const broken: ReadSource = { name: "broken", indexPattern: indices.gateway, mapping: { ...DEMO_SOURCE_MAPPINGS.gateway, service: "msg" } };
    const response = await overview([sources[0]!, empty, broken]);
    expect(response.notices).toEqual([
      expect.stringMatching(/^Source nothing matches no index/),
      expect.stringMatching(/^Source broken \(.*\) could not be read and is left out: /),
    ]);
    expect(response.totals.map((total) => total.service).sort()).toEqual(["auth", "orders", "payments", "users"]);
  });

  it("follows a request into a source whose request ids are numbers (pino-http's counter), and other ids do not break that source", async () => {
    const counter = `${base}-counter`;
    const mapping = { ...DEMO_SOURCE_MAPPINGS.gateway, correlationIds: ["req.id"] };
    await store.bulkIndex(counter, [{ time: anchor.getTime() - 60_000, level: 30, name: "counter-svc", msg: "request completed", req: { id: 7, method: "GET", url: "/x" }, res: { statusCode: 200 }, responseTime: 3 }], { refresh: true });
    try {
      const withCounter = [...sources, { name: "counter", indexPattern: counter, mapping }];
      const numeric = await getRequestDrilldown(requestDrilldownParamsSchema.parse({ id: "7", around: new Date(anchor.getTime() - 60_000).toISOString() }), context(withCounter));
      expect(numeric.logLines.map((line) => line.sourceName)).toEqual(["counter"]);
      const slow = truth.incidents.find((incident) => incident.id === "orders-slow-query")!;
      const named = await getRequestDrilldown(requestDrilldownParamsSchema.parse({ id: slow.timelines[0]!.requestId, around: slow.start, window: "24h" }), context(withCounter));
      expect(named.notices).toEqual([]);
      expect(named.logLines.length).toBeGreaterThan(0);
    } finally {
      await store.deleteIndex(counter);
    }
  });

  it("follows one slow orders request across the gateway's pino lines, the services' ECS lines and PostgreSQL's line joined by its sqlcommenter comment", async () => {
    const slow = truth.incidents.find((incident) => incident.id === "orders-slow-query")!;
    const facts = slow.timelines.find((timeline) => timeline.services.includes("orders"))!;
    const calls = countEngineCalls(store);
    const answer = await getRequestDrilldown(requestDrilldownParamsSchema.parse({ id: facts.requestId, around: slow.start, window: "24h" }), context(sources, calls.store));
    expect(answer.timeline.lanes.map((lane) => lane.service)).toEqual([...facts.services, "postgresql"].filter((service, i, all) => all.indexOf(service) === i).sort((a, b) => laneOrder(answer, a) - laneOrder(answer, b)));
    expect(new Set(answer.logLines.map((line) => line.sourceName))).toEqual(new Set(["gateway", "app", "postgres"]));
    const times = answer.logLines.map((line) => Date.parse(line.timestamp ?? ""));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const postgresLine = answer.logLines.find((line) => line.sourceName === "postgres")!;
    expect(JSON.stringify(postgresLine.source)).toContain(`request_id='${facts.requestId}'`);
    expect(answer.lines).toBe(facts.lineCount + answer.logLines.filter((line) => line.sourceName === "postgres").length);
    for (const [service, ms] of Object.entries(facts.durationMsByService)) expect(answer.timeline.timeShares.find((share) => share.service === service)?.durationMs).toBeCloseTo(ms, 3);
    expect(answer.mappings.gateway).toEqual(DEMO_SOURCE_MAPPINGS.gateway);
    expect(calls.calls.length).toBeLessThanOrEqual(2);
  });
});

/** Lanes come in order of each service's first line; read that order back from the lines. */
function laneOrder(answer: { logLines: { service: string | null; timestamp: string | null }[] }, service: string): number {
  return answer.logLines.findIndex((line) => line.service === service);
}
