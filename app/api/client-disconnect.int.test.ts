import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LogStore } from "@/lib/server/log-store/types";
import type { ApiRoute } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";

// A browser that goes away mid-request (closed tab, a newer refetch) is nobody's error: no 500, no error line.
let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let store: LogStore;
let errorLog: ReturnType<typeof vi.spyOn>;
let caller: { headers: Record<string, string> };
const index = `logs-triage-disconnect-${crypto.randomUUID().slice(0, 8)}`;
const anchor = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const range = `from=${encodeURIComponent(new Date(anchor.getTime() - 30 * 60_000).toISOString())}&to=${encodeURIComponent(anchor.toISOString())}`;

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_disconnect");
  harness = await import("@/lib/testing/route-harness");
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, ".."));
  store = await (await import("@/lib/server/log-store")).getLogStore();
  const { seedDemoLogs } = await import("@/lib/server/demo/seed-demo-logs");
  // More lines than one export page (5,000), so the export has a second page to be cut off before.
  const truth = await seedDemoLogs(store, { index, seed: 11, anchor, targetLines: 6_000, windowMinutes: 30 });
  expect(truth.totals.lines).toBeGreaterThan(5_000);
  const { getDb } = await import("@/lib/server/db");
  const { ECS_FIELD_MAPPING } = await import("@/lib/logs/field-mapping");
  await getDb().logSource.create({ data: { name: "default", indexPattern: index, mapping: ECS_FIELD_MAPPING, updatedBy: "test" } });
  caller = await harness.signedInAs("viewer", "leaver");
  errorLog = vi.spyOn((await import("@/lib/server/logger")).logger, "error");
});

afterAll(async () => {
  await store?.deleteIndex(index);
  await closeRouteTestDatabase(database);
});

const route = (urlPath: string) => routes.find((candidate) => candidate.path === urlPath)!;
const errorLines = () => errorLog.mock.calls.map((args: unknown[]) => JSON.stringify(args).slice(0, 300));

describe.each([
  ["/api/overview", ""],
  ["/api/logs/search", "&q=error"],
  ["/api/logs/fields/values", "&field=url.path"],
  ["/api/logs/export", "&format=ndjson"],
])("GET %s when the caller goes away", (urlPath, extra) => {
  // Aborted before the call, while the session is looked up, and while the engine is answering.
  it.each([null, 0, 2, 10, 30])("aborted at %s ms answers 499 (or finished first), never 500, and logs no error", async (delay) => {
    const controller = new AbortController();
    if (delay === null) controller.abort();
    else setTimeout(() => controller.abort(), delay);
    const response = await harness.callRoute(route(urlPath), "GET", { headers: caller.headers, search: `?${range}${extra}`, signal: controller.signal });
    await response.body?.cancel().catch(() => {});
    if (delay === null || delay === 0) expect(response.status).toBe(499);
    else expect([200, 499]).toContain(response.status);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(errorLines()).toEqual([]);
  });
});

describe("an export whose reader goes away between pages", () => {
  it("stops paging without an error line and without writing an error trailer", async () => {
    const controller = new AbortController();
    const response = await harness.callRoute(route("/api/logs/export"), "GET", { headers: caller.headers, search: `?${range}&format=ndjson`, signal: controller.signal });
    expect(response.status).toBe(200);
    // The first page is already queued when the response starts; the second would be fetched on this read.
    controller.abort();
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split("\n").length).toBeGreaterThan(1_000);
    await expect(reader.read()).rejects.toBeTruthy();
    expect(errorLines()).toEqual([]);
  });
});
