import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoLogs } from "@/lib/demo/generate-demo-logs";
import type { DemoGroundTruth, RequestTimelineFacts } from "@/lib/demo/ground-truth";
import type { DemoLogDocument } from "@/lib/demo/log-document";
import { SAME_USER_WINDOW_MS } from "@/lib/logs/build-request-lines-query";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { describeSlowestHop } from "@/lib/requests/build-request-timeline";
import { requestLinkHints } from "@/lib/requests/request-link";
import { requestDrilldownParamsSchema, requestDrilldownResponseSchema, type RequestDrilldownResponse } from "@/lib/schemas/request-drilldown";
import type { ApiRoute } from "@/lib/testing/route-harness";
import { openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import { toErrorResponse } from "../errors";
import { buildLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { getRequestDrilldown } from "./get-request-drilldown";
import { fiveServiceRequest } from "@/lib/testing/five-service-request";
import { createLogContext } from "@/lib/server/logs/log-context";

/** Counts engine round trips: each search or msearch call is one. */
function countRoundTrips(inner: LogStore): { store: LogStore; count: () => number; reset: () => void } {
  let calls = 0;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property !== "search" && property !== "msearch") return value.bind(target);
      return (...args: unknown[]) => {
        calls += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, count: () => calls, reset: () => void (calls = 0) };
}

const SEED = 1717;
const ANCHOR = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const DEMO = { seed: SEED, anchor: ANCHOR, targetLines: 6000 };
// The same run, regenerated in memory: the related requests are checked against its documents.
const { documents } = generateDemoLogs(DEMO);

describe.each(TEST_ENGINES)("request drilldown on $name", (engine) => {
  const index = uniqueTestIndex("requests");
  let store: LogStore;
  let counter: { store: LogStore; count: () => number; reset: () => void };
  let truth: DemoGroundTruth;
  const five = fiveServiceRequest(new Date(ANCHOR.getTime() - 7 * 60_000));

  const drill = async (input: Record<string, unknown>): Promise<RequestDrilldownResponse> => {
    const params = requestDrilldownParamsSchema.parse(input);
    const answer = await getRequestDrilldown(params, createLogContext({
      store: counter.store,
      settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING },
      curlOrigin: "https://api.shop.example",
    }));
    return requestDrilldownResponseSchema.parse(answer);
  };
  /** As the explorer links: centred on the entry line's time, with that line's user and endpoint. */
  const fromExplorer = async (id: string) => {
    const cold = await drill({ id, window: "24h" });
    const entry = cold.logLines.find((line) => line.id === cold.timeline.entry?.lineId)!;
    const hints = requestLinkHints(entry.source, ECS_FIELD_MAPPING);
    return { id, around: entry.timestamp!, user: hints.user ?? undefined, method: hints.method ?? undefined, path: hints.path ?? undefined };
  };

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    counter = countRoundTrips(store);
    truth = await seedDemoLogs(store, { index, ...DEMO });
    const written = await store.bulkIndex(index, five.documents, { refresh: true });
    expect(written.failed).toBe(0);
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  const sampled = () => truth.incidents.filter((incident) => incident.timelines.length > 0).flatMap((incident) => pick(incident.timelines).map((facts) => ({ incident: incident.id, facts })));

  it("equals the ground truth for requests of every incident: lanes, durations, entry, first error", async () => {
    const cases = sampled();
    expect(new Set(cases.map((c) => c.incident)).size).toBe(truth.incidents.filter((i) => i.timelines.length > 0).length);
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const { incident, facts } of cases) {
      const answer = await drill(await fromExplorer(facts.requestId));
      expectFacts(answer, facts, `${incident} ${facts.requestId}`);
    }
  });

  it("finds a request by its trace id too, and still copies its own X-Request-ID", async () => {
    const facts = truth.incidents.find((i) => i.id === "payments-provider-timeout")!.timelines[0]!;
    const answer = await drill({ id: facts.traceId, window: "24h" });
    expectFacts(answer, facts, facts.traceId);
    expect(answer.curl?.command).toContain(`X-Request-ID: ${facts.requestId}`);
  });

  it("names payments the slowest hop of a payment timeout (about 2 s) and shows its stack and 504 hop", async () => {
    const facts = truth.incidents
      .find((i) => i.id === "payments-provider-timeout")!
      .timelines.find((t) => t.firstError?.service === "payments" && t.services.join() === "gateway,auth,orders,payments")!;
    const answer = await drill(await fromExplorer(facts.requestId));
    expect(answer.timeline.lanes.map((lane) => [lane.service, lane.depth])).toEqual([["gateway", 0], ["auth", 1], ["orders", 1], ["payments", 2]]);
    const hop = answer.timeline.slowestHop!;
    expect(hop.service).toBe("payments");
    expect(hop.durationMs).toBe(facts.durationMsByService.payments);
    expect(hop.durationMs).toBeGreaterThanOrEqual(2000);
    expect(hop.durationMs).toBeLessThan(2100);
    expect(describeSlowestHop(hop)).toMatch(/^payments: 2\.0 s of 2\.\d s, 9\d%$/);
    expect(answer.firstError).toMatchObject({ service: "payments", type: "PaymentProviderTimeout", isFailure: true, hop: { method: "POST", path: "/payments/charge", status: 504 } });
    expect(answer.firstError?.trace?.frames.length).toBeGreaterThan(5);
    expect(answer.curl).toMatchObject({ method: facts.entry.method, url: `https://api.shop.example${facts.entry.path}` });
    expect(answer.curl?.command).toContain(`X-Request-ID: ${facts.requestId}`);
    expect(answer.curl?.command).not.toMatch(/authorization|bearer|cookie|eyJ/i);
  });

  it("shows a request across five services as five lanes in order of first appearance, nested by span", async () => {
    const answer = await drill({ id: five.requestId, around: five.around });
    expect(answer.timeline.lanes.map((lane) => [lane.service, lane.depth, lane.parentService])).toEqual(five.expectedLanes);
    expect(Object.fromEntries(answer.timeline.timeShares.map((s) => [s.service, s.durationMs]))).toEqual(five.durationMsByService);
    expect(answer.timeline.slowestHop?.service).toBe("pricing");
    expect(answer.firstError).toMatchObject({ service: "pricing", type: "PriceLookupError", hop: { service: "pricing", status: 503 } });
    expect(answer.lines).toBe(five.documents.length);
  });

  it("is one engine round trip when opened from a line, two when opened cold, and corrects a hint the lines contradict", async () => {
    const facts = truth.incidents.find((i) => i.id === "orders-slow-query")!.timelines[0]!;
    const params = await fromExplorer(facts.requestId);
    counter.reset();
    const linked = await drill(params);
    expect(counter.count()).toBe(1);
    expect(linked.related.user).toBe(params.user);
    expect(linked.related.endpoint).toEqual({ method: params.method, path: params.path });

    counter.reset();
    const cold = await drill({ id: facts.requestId, window: "24h" });
    expect(counter.count()).toBe(2);
    expect(cold.related.user).toBe(params.user);
    expect(cold.related.endpoint).toEqual({ method: facts.entry.method, path: facts.entry.path });

    counter.reset();
    const stale = await drill({ ...params, user: "no-such-user", path: "/not/this/endpoint" });
    expect(counter.count()).toBe(2);
    expect(stale.related.user).toBe(params.user);
    expect(stale.related.endpoint).toEqual({ method: facts.entry.method, path: facts.entry.path });
    expect(stale.related.sameUser.map((r) => r.id).sort()).toEqual(linked.related.sameUser.map((r) => r.id).sort());
  });

  it("lists the same user's other requests within ±10 minutes and other 5xx requests to the same endpoint", async () => {
    const facts = truth.incidents.find((i) => i.id === "payments-provider-timeout")!.timelines.find((t) => t.entry.status >= 500)!;
    const params = await fromExplorer(facts.requestId);
    const answer = await drill(params);
    const at = Date.parse(params.around);
    const sameUser = firstSeenByRequest(documents.filter((d) => d.user?.id === params.user && d.http.request.id !== facts.requestId && Math.abs(Date.parse(d["@timestamp"]) - at) <= SAME_USER_WINDOW_MS));
    expect(answer.related.sameUser.map((r) => r.id)).toEqual(sameUser.slice(0, 10).map(([id]) => id));
    const failures = firstSeenByRequest(
      documents.filter((d) => d.http.request.method === params.method && d.url?.path === params.path && (d.http.response?.status_code ?? 0) >= 500 && d.http.request.id !== facts.requestId),
    );
    expect(failures.length).toBeGreaterThan(0);
    expect(answer.related.sameEndpointFailures.map((r) => r.id)).toEqual(failures.slice(0, 10).map(([id]) => id));
    expect(answer.related.sameEndpointFailures.every((r) => (r.worstStatus ?? 0) >= 500)).toBe(true);
  });

  it("redacts the lines it returns: no bearer token or JWT from a gateway line reaches the answer", async () => {
    const logged = documents.find((d) => d.http.request.headers?.authorization && d.service.name === "gateway")!;
    const answer = await drill({ id: logged.http.request.id, around: logged["@timestamp"] });
    const text = JSON.stringify(answer);
    expect(text).not.toContain(logged.http.request.headers!.authorization);
    expect(text).not.toMatch(/Bearer eyJ|eyJhbGciOi/);
    expect(answer.redactions).toBeGreaterThan(0);
  });

  it("answers an id that matches nothing with an empty result naming the searched fields and window", async () => {
    const answer = await drill({ id: `req-nothing-${crypto.randomUUID()}`, around: ANCHOR.toISOString() });
    expect(answer).toMatchObject({ lines: 0, truncated: false, window: "1h", searchedFields: ["http.request.id", "trace.id", "transaction.id"], firstError: null, curl: null });
    expect(answer.timeline.lanes).toEqual([]);
    expect(Date.parse(answer.windowTo) - Date.parse(answer.windowFrom)).toBe(2 * 3_600_000);
    expect(answer.related).toEqual({ user: null, endpoint: null, sameUser: [], sameEndpointFailures: [] });
  });

  it("says truncated when a request has more lines than the cap", async () => {
    const id = `req-chatty-${crypto.randomUUID()}`;
    const at = ANCHOR.getTime() - 3 * 60_000;
    const chatty = Array.from({ length: 2_005 }, (_, k) => ({ "@timestamp": new Date(at + k).toISOString(), service: { name: "worker" }, log: { level: "DEBUG" }, message: `step ${k}`, http: { request: { id } } }));
    await store.bulkIndex(index, chatty, { refresh: true });
    const answer = await drill({ id, around: new Date(at).toISOString() });
    expect(answer).toMatchObject({ lines: 2_005, truncated: true });
    expect(answer.logLines).toHaveLength(2_000);
  });

  it("turns an unreachable engine into the 503 every view shows", async () => {
    const down = buildLogStore({ url: "http://127.0.0.1:9", requestTimeoutMs: 2000 }, { engine: store.engine, version: store.engine === "elasticsearch" ? "9.0.0" : "3.0.0" });
    const failure = await getRequestDrilldown(requestDrilldownParamsSchema.parse({ id: "req-1" }), createLogContext({ store: down, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } })).catch((error: unknown) => error);
    expect(toErrorResponse(failure, "t").status).toBe(503);
    await down.close();
  });
});

describe("GET /api/requests/[id]", () => {
  let database: TestDatabase;
  let harness: typeof import("@/lib/testing/route-harness");
  let route: Pick<ApiRoute, "module" | "path" | "params">;
  let headers: Record<string, string>;

  beforeAll(async () => {
    database = await openRouteTestDatabase("triage_requests");
    // A pattern that matches no index: a valid id then finds nothing rather than another test's lines.
    process.env.LOGS_INDEX = `logs-triage-none-${crypto.randomUUID().slice(0, 8)}-*`;
    harness = await import("@/lib/testing/route-harness");
    route = { module: (await import("@/app/api/requests/[id]/route")) as unknown as ApiRoute["module"], path: "/api/requests/id", params: {} };
    headers = (await harness.signedInAs("viewer", "drilldown")).headers;
  });
  afterAll(async () => {
    const { getDbPool } = await import("@/lib/server/db");
    await getDbPool().end().catch(() => {});
    await database?.drop();
  });

  const call = async (id: string, search = "") => {
    const response = await harness.callRoute(route, "GET", { headers, params: { id }, search });
    return { status: response.status, body: (await response.json()) as { error?: { message: string }; searchedFields?: string[]; lines?: number } };
  };

  it("answers a bad id or parameter with a 400 that says what is wrong", async () => {
    const cases: [string, string, RegExp][] = [
      ["x".repeat(257), "", /too long: 257 characters, at most 256/],
      ["req-1\u0000; rm -rf", "", /control character \(U\+0000/],
      ["req-1\nX-Injected: 1", "", /control character \(U\+000A/],
      ["   ", "", /empty/],
      ["req-1", "?window=2w", /window must be 1h, 24h or 7d/],
      ["req-1", "?around=yesterday", /around must be an ISO date-time/],
      ["req-1", "?index=.security", /index/],
      ["req-1", "?method=GET%20/x", /method must be an HTTP method/],
    ];
    for (const [id, search, message] of cases) {
      const { status, body } = await call(id, search);
      expect(status, `${JSON.stringify(id).slice(0, 40)} ${search}`).toBe(400);
      expect(body.error?.message).toMatch(message);
    }
  });

  it("accepts a uuid (the route guard's placeholder) and answers an unknown id with an empty result", async () => {
    const { status, body } = await call("00000000-0000-4000-8000-000000000000", "?window=24h");
    expect(status).toBe(200);
    expect(body).toMatchObject({ lines: 0, searchedFields: ["http.request.id", "trace.id", "transaction.id"] });
  });
});

/** First, middle and last sampled request of an incident (up to three). */
function pick(timelines: RequestTimelineFacts[]): RequestTimelineFacts[] {
  const chosen = [timelines[0], timelines[Math.floor(timelines.length / 2)], timelines[timelines.length - 1]];
  return [...new Map(chosen.filter((t): t is RequestTimelineFacts => t !== undefined).map((t) => [t.requestId, t])).values()];
}

function expectFacts(answer: RequestDrilldownResponse, facts: RequestTimelineFacts, label: string) {
  expect(answer.timeline.lanes.map((lane) => lane.service), label).toEqual(facts.services);
  expect(Object.fromEntries(answer.timeline.timeShares.map((s) => [s.service, s.durationMs])), label).toEqual(facts.durationMsByService);
  expect({ method: answer.timeline.entry?.method, path: answer.timeline.entry?.path, status: answer.timeline.entry?.status }, label).toEqual(facts.entry);
  const error = answer.firstError;
  expect(error && { service: error.service, type: error.type, message: error.message }, label).toEqual(facts.firstError);
  expect(answer.lines, label).toBe(facts.lineCount);
  expect(answer.logLines.map((line) => line.service), label).toHaveLength(facts.lineCount);
}

/** Request ids with their first line's time, most recent first (as the related lists order them). */
function firstSeenByRequest(docs: DemoLogDocument[]): [string, number][] {
  const first = new Map<string, number>();
  for (const doc of docs) {
    const at = Date.parse(doc["@timestamp"]);
    const seen = first.get(doc.http.request.id);
    if (seen === undefined || at < seen) first.set(doc.http.request.id, at);
  }
  return [...first].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
