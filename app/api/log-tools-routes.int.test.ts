import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNonEcsLogs } from "@/lib/demo/non-ecs-logs";
import type { LogStore } from "@/lib/server/log-store/types";
import type { ApiRoute } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";
import { createLogContext } from "@/lib/server/logs/log-context";
import { countOpenContexts, TEST_ENGINES } from "@/lib/testing/test-engines";

// The export, surrounding-lines and detect routes end to end in-process: guard, strict params, headers, streaming.
let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let store: LogStore;
const index = `triage-routes-test-${randomUUID().slice(0, 8)}`;
const anchor = Math.floor(Date.now() / 60_000) * 60_000;

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_log_tools");
  harness = await import("@/lib/testing/route-harness");
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, ".."));
  store = await (await import("@/lib/server/log-store")).getLogStore();
  await store.bulkIndex(index, buildNonEcsLogs({ count: 120, anchor, minutes: 20, seed: 4 }).lines as unknown as Record<string, unknown>[], { refresh: true });
  // This database's own settings: the app reads only the index this file wrote, mapped by detection.
  const { detectFieldMapping } = await import("@/lib/server/settings/detect-field-mapping");
  const { ECS_FIELD_MAPPING } = await import("@/lib/logs/field-mapping");
  const { mapping } = await detectFieldMapping({ indexPattern: index }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }));
  const { getDb } = await import("@/lib/server/db");
  await getDb().logSource.create({ data: { name: "default", indexPattern: index, mapping, updatedBy: "test" } });
});

afterAll(async () => {
  await store?.deleteIndex(index);
  await closeRouteTestDatabase(database);
});

const route = (urlPath: string) => routes.find((candidate) => candidate.path === urlPath)!;
const range = () => `from=${encodeURIComponent(new Date(anchor - 20 * 60_000).toISOString())}&to=${encodeURIComponent(new Date(anchor).toISOString())}`;

describe("GET /api/sources/detect", () => {
  it.each([["viewer", 403], ["editor", 403], ["admin", 200]] as const)("as %s answers %i", async (role, status) => {
    const caller = await harness.signedInAs(role);
    const response = await harness.callRoute(route("/api/sources/detect"), "GET", { headers: caller.headers, search: `?indexPattern=${index}` });
    expect(response.status).toBe(status);
    if (status === 200) expect(await response.json()).toMatchObject({ indexPattern: index, indexCount: 1, mapping: { service: "service.keyword", duration: "duration_ms", durationUnit: "ms" } });
  });

  it("refuses a pattern that could reach a system index or a second target", async () => {
    const admin = await harness.signedInAs("admin");
    for (const pattern of [".security", "logs-*,.kibana", "_all"]) {
      const response = await harness.callRoute(route("/api/sources/detect"), "GET", { headers: admin.headers, search: `?indexPattern=${encodeURIComponent(pattern)}` });
      expect(response.status, pattern).toBe(400);
    }
  });
});

describe("GET /api/logs/export", () => {
  it("streams an attachment with headers that say how complete it is", async () => {
    const viewer = await harness.signedInAs("viewer");
    const response = await harness.callRoute(route("/api/logs/export"), "GET", { headers: viewer.headers, search: `?format=csv&limit=7&${range()}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="triage-logs-\d{8}T\d{6}Z-\d{8}T\d{6}Z\.csv"$/);
    expect(response.headers.get("x-triage-export-truncated")).toBe("true");
    expect(response.headers.get("x-triage-export-total")).toBe("120");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    const rows = (await response.text()).trim().split("\r\n");
    expect(rows).toHaveLength(9);
    expect(rows.at(-1)).toBe("# truncated: exported 7 of 120 lines");
  });

  it("answers an unknown parameter or a bad query with a 400 envelope, not a broken file", async () => {
    const viewer = await harness.signedInAs("viewer");
    for (const search of ["?index=.security", "?q=status:(500%20OR", "?format=xlsx"]) {
      const response = await harness.callRoute(route("/api/logs/export"), "GET", { headers: viewer.headers, search });
      expect(response.status, search).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
  });
});

describe("GET /api/logs/export limits", () => {
  // More lines than one export page, so an export whose reader takes nothing keeps its slot; an hour
  // before the other tests' range, so their totals stay as they are.
  const earlier = anchor - 60 * 60_000;
  const exportAs = (headers: Record<string, string>) =>
    harness.callRoute(route("/api/logs/export"), "GET", { headers, search: `?format=ndjson&from=${new Date(earlier - 20 * 60_000).toISOString()}&to=${new Date(earlier).toISOString()}` });
  beforeAll(async () => {
    await store.bulkIndex(index, buildNonEcsLogs({ count: 6_000, anchor: earlier, minutes: 20, seed: 5 }).lines as unknown as Record<string, unknown>[], { refresh: true });
  });

  it("answers a viewer's third concurrent export, and the instance's ninth, with a readable 429", async () => {
    const open: Response[] = [];
    try {
      const viewer = await harness.signedInAs("viewer");
      for (let i = 0; i < 2; i++) open.push(await exportAs(viewer.headers));
      expect(open.map((response) => response.status)).toEqual([200, 200]);
      const third = await exportAs(viewer.headers);
      expect(third.status).toBe(429);
      expect((await third.json()).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/^You already have 2 exports running/) });

      for (let i = 0; i < 6; i++) open.push(await exportAs((await harness.signedInAs("viewer", `other${i}`)).headers));
      expect(open.every((response) => response.status === 200)).toBe(true);
      const ninth = await exportAs((await harness.signedInAs("viewer", "ninth")).headers);
      expect(ninth.status).toBe(429);
      expect((await ninth.json()).error.message).toMatch(/instance is already running 8 exports/);
    } finally {
      for (const response of open) await response.body?.cancel();
    }
    // Cancelled downloads give their slots back.
    expect((await exportAs((await harness.signedInAs("viewer")).headers)).status).toBe(200);
  });
});

describe("GET /api/logs/search", () => {
  const pageTwo = async (headers: Record<string, string>, cursor?: string) => {
    const response = await harness.callRoute(route("/api/logs/search"), "GET", { headers, search: `?size=20&${range()}${cursor ? `&cursor=${cursor}` : ""}` });
    expect(response.status).toBe(200);
    return (await response.json()) as { paging: { nextCursor: string | null }; lines: { id: string }[]; notices: string[] };
  };

  it("holds one point in time per signed-in viewer however often a link is replayed", async () => {
    const before = await countOpenContexts(TEST_ENGINES[0], index);
    const viewer = await harness.signedInAs("viewer");
    const first = await pageTwo(viewer.headers);
    const link = first.paging.nextCursor!;
    const second = await pageTwo(viewer.headers, link);
    for (let i = 0; i < 10; i++) expect((await pageTwo(viewer.headers, link)).lines).toEqual(second.lines);
    expect(await countOpenContexts(TEST_ENGINES[0], index)).toBe(before + 1);
    const colleague = await harness.signedInAs("viewer", "colleague");
    expect((await pageTwo(colleague.headers, link)).lines).toEqual(second.lines);
    expect(await countOpenContexts(TEST_ENGINES[0], index)).toBe(before + 2);
    // Each viewer's first page of another view closes theirs.
    for (const headers of [viewer.headers, colleague.headers]) {
      const response = await harness.callRoute(route("/api/logs/search"), "GET", { headers, search: `?size=20&q=shipping&${range()}` });
      expect(response.status).toBe(200);
    }
    expect(await countOpenContexts(TEST_ENGINES[0], index)).toBe(before);
  });

  it("answers a forged or out-of-range page link with a 400 envelope on the cursor", async () => {
    const viewer = await harness.signedInAs("viewer");
    const link = (await pageTwo(viewer.headers)).paging.nextCursor!;
    const wire = JSON.parse(Buffer.from(link, "base64url").subarray(32).toString("utf8")) as unknown[];
    // The old scheme: a checksum anyone can compute in front of the JSON; here with a 10-year range.
    wire[5] = (wire[6] as number) - 10 * 365 * 86_400_000;
    const forged = Buffer.concat([Buffer.alloc(32), Buffer.from(JSON.stringify(wire))]).toString("base64url");
    for (const cursor of [forged, "garbage"]) {
      const response = await harness.callRoute(route("/api/logs/search"), "GET", { headers: viewer.headers, search: `?size=20&${range()}&cursor=${cursor}` });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: "bad_request", fields: { cursor: expect.any(String) } });
    }
  });
});

describe("GET /api/logs/surrounding", () => {
  it("answers the neighbours of a real line and 404 for an unknown one", async () => {
    const viewer = await harness.signedInAs("viewer");
    const page = await store.search({ index, body: { size: 1, query: { term: { "service.keyword": "shipping" } }, sort: [{ timestamp: "desc" }] } });
    const found = await harness.callRoute(route("/api/logs/surrounding"), "GET", { headers: viewer.headers, search: `?id=${page.hits[0]!._id}&before=3&after=3` });
    expect(found.status).toBe(200);
    const body = (await found.json()) as { service: string; lines: { anchor: boolean; service: string }[] };
    expect(body.service).toBe("shipping");
    expect(body.lines.filter((line) => line.anchor)).toHaveLength(1);
    expect(body.lines.every((line) => line.service === "shipping")).toBe(true);
    const missing = await harness.callRoute(route("/api/logs/surrounding"), "GET", { headers: viewer.headers, search: "?id=nope" });
    expect(missing.status).toBe(404);
    const unknownParam = await harness.callRoute(route("/api/logs/surrounding"), "GET", { headers: viewer.headers, search: "?id=x&index=.security" });
    expect(unknownParam.status).toBe(400);
  });
});
