import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoLogRun } from "@/lib/demo/generate-demo-logs";
import type { DemoGroundTruth, ServiceMinuteCounts } from "@/lib/demo/ground-truth";
import { isErrorLine, type DemoLogDocument } from "@/lib/demo/log-document";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
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

  async function query(params: Partial<OverviewParams> = {}, target: LogStore = store) {
    return getOverview(
      { from: truth.windowStart, to: truth.anchor, service: [], environment: ["production"], source: [], ...params },
      createLogContext({ store: target, settings: { indexPattern: pattern, mapping: ECS_FIELD_MAPPING } }),
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

  it("lists the top failing endpoints by route template exactly as the generator counted them", async () => {
    const response = await query();
    const expected = truth.topFailingEndpoints.map((e) => ({ method: e.method, path: e.path, services: [e.service], requests: e.requests, serverErrors: e.status5xx, errorRate: e.status5xx / e.requests }));
    expect(expected.length).toBeGreaterThan(3);
    expect(response.topEndpoints).toEqual(expected);
    expect(response.topEndpoints[0]).toMatchObject({ method: "GET", path: expect.stringMatching(/users\/\{id\}$/) });
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
