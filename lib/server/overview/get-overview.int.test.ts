import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoLogRun } from "@/lib/demo/generate-demo-logs";
import type { DemoGroundTruth, ServiceMinuteCounts } from "@/lib/demo/ground-truth";
import { isErrorLine, type DemoLogDocument } from "@/lib/demo/log-document";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { OVERVIEW_LIMITS } from "@/lib/logs/overview-limits";
import { toRouteTemplate } from "@/lib/logs/route-template";
import { ensureLogIndexTemplate } from "../log-store/ensure-log-index-template";
import { normalizeErrorMessage } from "@/lib/logs/normalize-error-message";
import type { OverviewParams } from "@/lib/schemas/overview";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { countEngineCalls } from "@/lib/testing/count-engine-calls";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { getOverview } from "./get-overview";
import { createLogContext } from "@/lib/server/logs/log-context";

// A minute-aligned anchor makes the app's 1-minute buckets line up with the generator's minutes.
const anchor = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const production = { seed: 7, anchor, targetLines: 6000, environment: "production" } as const;
// A smaller second environment without incidents, in its own index under the same pattern.
const staging = { seed: 8, anchor, targetLines: 1500, environment: "staging", incidents: false } as const;

/** Top errors recomputed from the generator's own documents (the ground truth does not carry them). */
function expectedTopErrors(options: typeof production) {
  const run = createDemoLogRun(options);
  const groups = new Map<string, { type: string; message: string; count: number; services: Set<string> }>();
  for (const batch of run.batches()) {
    for (const doc of batch as DemoLogDocument[]) {
      if (!isErrorLine(doc) || !doc.error) continue;
      const message = normalizeErrorMessage(doc.error.message);
      const group = groups.get(`${doc.error.type}\n${message}`) ?? { type: doc.error.type, message, count: 0, services: new Set<string>() };
      group.count += 1;
      group.services.add(doc.service.name);
      groups.set(`${doc.error.type}\n${message}`, group);
    }
  }
  return { truth: run.groundTruth(), groups: [...groups.values()].map((g) => ({ type: g.type, message: g.message, count: g.count, services: [...g.services].sort() })) };
}

const cell = (service: string, time: number | string) => `${service} ${typeof time === "number" ? new Date(time).toISOString() : time}`;

describe.each(TEST_ENGINES)("overview on $name equals the generator's ground truth", (engine) => {
  const base = uniqueTestIndex("overview");
  const pattern = `${base}-*`;
  let store: LogStore;
  let truth: DemoGroundTruth;
  let stagingTruth: DemoGroundTruth;

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    truth = await seedDemoLogs(store, { index: `${base}-production`, ...production });
    stagingTruth = await seedDemoLogs(store, { index: `${base}-staging`, ...staging });
  });
  afterAll(async () => {
    await store?.deleteIndex(`${base}-production`);
    await store?.deleteIndex(`${base}-staging`);
    await store?.close();
  });

  async function query(params: Partial<OverviewParams> = {}, target: LogStore = store, mapping: FieldMapping = ECS_FIELD_MAPPING) {
    return getOverview(
      { from: truth.windowStart, to: truth.anchor, service: [], environment: ["production"], source: [], ...params },
      createLogContext({ store: target, settings: { indexPattern: pattern, mapping } }),
    );
  }

  it("asks the engine exactly once, with one _msearch", async () => {
    const counting = countEngineCalls(store);
    await query({}, counting.store);
    expect(counting.calls).toEqual(["msearch"]);
  });

  it("counts requests, status classes and ERROR/FATAL lines per service per minute exactly", async () => {
    const response = await query();
    expect(response.interval).toBe("1m");
    expect(response.notices).toEqual([]);
    const requests = Object.fromEntries(response.points.filter((p) => p.requests > 0).map((p) => [cell(p.service, p.time), [p.requests, p.serverErrors, p.status4xx]]));
    const expectedRequests = Object.fromEntries(truth.perServicePerMinute.filter((row) => row.requestLines > 0).map((row) => [cell(row.service, row.minute), [row.requestLines, row.status5xx, row.status4xx]]));
    expect(Object.keys(requests).length).toBeGreaterThan(100);
    expect(requests).toEqual(expectedRequests);
    for (const point of response.points) {
      expect(point.status2xx + point.status3xx + point.status4xx + point.serverErrors).toBe(point.requests);
      expect(point.errorRate).toBe(point.requests === 0 ? null : point.serverErrors / point.requests);
    }
    const errors = Object.fromEntries(response.errorPoints.filter((p) => p.errorLines + p.fatalLines > 0).map((p) => [cell(p.service, p.time), p.errorLines + p.fatalLines]));
    const expectedErrors = Object.fromEntries(truth.perServicePerMinute.filter((row) => row.errorLines > 0).map((row) => [cell(row.service, row.minute), row.errorLines]));
    expect(Object.keys(errors).length).toBeGreaterThan(10);
    expect(errors).toEqual(expectedErrors);
  });

  it("totals each service's requests, 5xx, error rate and error lines", async () => {
    const response = await query();
    const sum = (service: string, field: keyof Omit<ServiceMinuteCounts, "service" | "minute">) =>
      truth.perServicePerMinute.filter((row) => row.service === service).reduce((total, row) => total + row[field], 0);
    for (const total of response.totals) {
      expect(total.requests).toBe(sum(total.service, "requestLines"));
      expect(total.serverErrors).toBe(sum(total.service, "status5xx"));
      expect(total.status4xx).toBe(sum(total.service, "status4xx"));
      expect(total.errorLines + total.fatalLines).toBe(sum(total.service, "errorLines"));
      expect(total.errorRate).toBe(total.requests ? total.serverErrors / total.requests : null);
    }
    expect(response.totals.map((t) => t.service).sort()).toEqual(["auth", "gateway", "orders", "payments", "users"]);
  });

  // The demo's lines carry http.route; mapped to a field they lack, the same endpoints come from raw paths.
  it.each([
    ["grouped by the engine on the route template the lines carry", ECS_FIELD_MAPPING],
    ["grouped in code from raw paths when the lines carry no route", { ...ECS_FIELD_MAPPING, route: "no.such.route" }],
  ])("lists the top failing endpoints exactly as the generator counted them, %s", async (_, mapping) => {
    const counting = countEngineCalls(store);
    const response = await query({}, counting.store, mapping);
    const expected = truth.topFailingEndpoints.map((e) => ({ method: e.method, path: e.path, services: [e.service], requests: e.requests, serverErrors: e.status5xx, errorRate: e.status5xx / e.requests }));
    expect(expected.length).toBeGreaterThan(3);
    expect(response.topEndpoints).toEqual(expected);
    expect(response.topEndpoints[0]).toMatchObject({ method: "GET", path: expect.stringMatching(/users\/\{id\}$/) });
    expect(response.notices).toEqual([]);
    expect(counting.calls).toEqual(["msearch"]);
  });

  it("groups the top error messages by type and normalised message exactly", async () => {
    const { truth: regenerated, groups } = expectedTopErrors(production);
    // The regenerated run is the seeded one: same seed, same anchor, same documents.
    expect(regenerated.perServicePerMinute).toEqual(truth.perServicePerMinute);
    const response = await query();
    const expected = groups.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.message.localeCompare(b.message)).slice(0, 10);
    expect(response.topErrors.map(({ type, message, count, services }) => ({ type, message, count, services }))).toEqual(expected);
    expect(response.topErrors[0]).toMatchObject({ type: "TypeError", example: "Cannot read properties of null (reading 'email')" });
  });

  it("filters by service and environment while offering every choice", async () => {
    const users = await query({ service: ["users"] });
    expect(users.services).toEqual(["users"]);
    expect(users.topEndpoints.every((e) => e.services.includes("users"))).toBe(true);
    expect(users.available).toEqual({ services: ["auth", "gateway", "orders", "payments", "users"], environments: ["production", "staging"] });

    const both = await query({ environment: [] });
    const bothRequests = both.totals.reduce((sum, t) => sum + t.requests, 0);
    expect(bothRequests).toBe(truth.totals.requestLines + stagingTruth.totals.requestLines);
    const onlyStaging = await query({ environment: ["staging"] });
    expect(onlyStaging.totals.reduce((sum, t) => sum + t.serverErrors, 0)).toBe(stagingTruth.totals.status5xx);
    const none = await query({ environment: ["nowhere"] });
    expect(none.services).toEqual([]);
    expect(none.topEndpoints).toEqual([]);
  });

  it("refuses a reversed range with a 400 that says what to fix", async () => {
    await expect(query({ from: "now", to: "now-1h" })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/must be before/) });
  });
});

interface EndpointLine {
  method: string;
  path: string;
  status: number;
  service: string;
}

/** Top failing endpoints straight from the lines, with the app's definitions (route template, most 5xx first). */
function expectedTopEndpoints(lines: EndpointLine[], service?: string) {
  const groups = new Map<string, { method: string; path: string; services: Set<string>; requests: number; serverErrors: number }>();
  for (const line of lines.filter((l) => !service || l.service === service)) {
    const path = toRouteTemplate(line.path);
    const group = groups.get(`${line.method} ${path}`) ?? { method: line.method, path, services: new Set<string>(), requests: 0, serverErrors: 0 };
    group.requests += 1;
    if (line.status >= 500) {
      group.serverErrors += 1;
      group.services.add(line.service);
    }
    groups.set(`${line.method} ${path}`, group);
  }
  return [...groups.values()]
    .filter((g) => g.serverErrors > 0)
    .map((g) => ({ method: g.method, path: g.path, services: [...g.services].sort(), requests: g.requests, serverErrors: g.serverErrors, errorRate: g.serverErrors / g.requests }))
    .sort((a, b) => b.serverErrors - a.serverErrors || b.requests - a.requests || `${a.services.join(",")} ${a.method} ${a.path}`.localeCompare(`${b.services.join(",")} ${b.method} ${b.path}`))
    .slice(0, OVERVIEW_LIMITS.topEndpoints);
}

describe.each(TEST_ENGINES)("top endpoints on $name when the ranking has to cut raw paths", (engine) => {
  const index = uniqueTestIndex("endpoint-cut");
  const limit = OVERVIEW_LIMITS.endpointPathsPerMethod;
  const lines: EndpointLine[] = [];
  // GET: far more distinct item paths than the limit, few of them failing, so only paths without 5xx are cut.
  for (let i = 1; i <= limit + 1_500; i++) lines.push({ method: "GET", path: `/api/items/${i}`, status: 200, service: "items" });
  for (let i = 1; i <= 40; i++) lines.push({ method: "GET", path: `/api/items/${i}`, status: 500, service: "items" });
  for (let j = 1; j <= 30; j++) for (const status of [200, 200, 503]) lines.push({ method: "GET", path: `/api/carts/${j}`, status, service: "carts" });
  for (let k = 0; k < 10; k++) lines.push({ method: "GET", path: "/health", status: 200, service: "items" });
  // DELETE: more failing paths than the limit, so failing lines are cut too and the ranking may miss one.
  for (let k = 1; k <= limit + 200; k++) lines.push({ method: "DELETE", path: `/api/carts/${k}`, status: 500, service: "carts" });
  const to = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const from = new Date(to.getTime() - 30 * 60_000);
  let store: LogStore;

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    await ensureLogIndexTemplate(store);
    const documents = lines.map((line, n) => ({
      "@timestamp": new Date(from.getTime() + (n % 1_800) * 1_000).toISOString(),
      message: `${line.method} ${line.path} ${line.status}`,
      service: { name: line.service, environment: "production" },
      http: { request: { method: line.method }, response: { status_code: line.status } },
      url: { path: line.path },
    }));
    for (let start = 0; start < documents.length; start += 5_000) {
      const result = await store.bulkIndex(index, documents.slice(start, start + 5_000), { refresh: start + 5_000 >= documents.length });
      expect(result.failed).toBe(0);
    }
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  const overview = (target: LogStore, service: string[] = []) =>
    getOverview({ from: from.toISOString(), to: to.toISOString(), service, environment: [], source: [] }, createLogContext({ store: target, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }));

  it("shows exact numbers for the listed endpoints when only paths without 5xx were cut, and needs no notice", async () => {
    const counting = countEngineCalls(store);
    const response = await overview(counting.store, ["items"]);
    expect(response.topEndpoints).toEqual(expectedTopEndpoints(lines, "items"));
    expect(response.topEndpoints[0]).toMatchObject({ method: "GET", path: "/api/items/{id}", requests: limit + 1_540, serverErrors: 40 });
    // The ranking cannot have changed (every failing path was read), so there is nothing to warn about.
    expect(response.notices).toEqual([]);
    // The second round trip is the exact count of the listed endpoints.
    expect(counting.calls).toEqual(["msearch", "msearch"]);
  });

  it("keeps the listed numbers exact when failing paths were cut too, and says the list may miss endpoints", async () => {
    const response = await overview(store);
    expect(response.topEndpoints).toEqual(expectedTopEndpoints(lines));
    expect(response.topEndpoints.map((e) => [e.method, e.path, e.requests, e.serverErrors])).toEqual([
      ["DELETE", "/api/carts/{id}", limit + 200, limit + 200],
      ["GET", "/api/items/{id}", limit + 1_540, 40],
      ["GET", "/api/carts/{id}", 90, 30],
    ]);
    expect(response.notices).toEqual([expect.stringMatching(/may be missing from the list\. The numbers of the endpoints listed are exact/)]);
  });
});

describe.each(TEST_ENGINES)("the demo's default view on $name (npm run demo: 60,000 lines, seed 42, the last hour)", (engine) => {
  const index = uniqueTestIndex("overview-demo");
  let store: LogStore;
  let truth: DemoGroundTruth;

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    truth = await seedDemoLogs(store, { index, seed: 42, anchor, targetLines: 60_000 });
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  const view = (target: LogStore, mapping: FieldMapping) =>
    getOverview({ from: truth.windowStart, to: truth.anchor, service: [], environment: [], source: [] }, createLogContext({ store: target, settings: { indexPattern: index, mapping } }));
  const expected = () => truth.topFailingEndpoints.map((e) => ({ method: e.method, path: e.path, services: [e.service], requests: e.requests, serverErrors: e.status5xx, errorRate: e.status5xx / e.requests }));

  it("groups endpoints by the route its lines carry: no cut, no notice, one round trip", async () => {
    const counting = countEngineCalls(store);
    const response = await view(counting.store, ECS_FIELD_MAPPING);
    expect(response.notices).toEqual([]);
    expect(response.topEndpoints).toEqual(expected());
    expect(counting.calls).toEqual(["msearch"]);
  });

  it("without the route (grouped from raw paths, ids and all) has to cut, and still shows exact numbers", async () => {
    const counting = countEngineCalls(store);
    const response = await view(counting.store, { ...ECS_FIELD_MAPPING, route: "no.such.route" });
    expect(response.topEndpoints).toEqual(expected());
    // Every failing path fit, so the cut cannot have changed the ranking: nothing to warn about.
    expect(response.notices).toEqual([]);
    expect(counting.calls).toEqual(["msearch", "msearch"]);
  });
});
