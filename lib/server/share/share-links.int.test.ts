import path from "node:path";
import { createLoader } from "nuqs/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SharedViewResponse, ShareLinkSummary } from "@/lib/schemas/share-link";
import type { LogStore } from "@/lib/server/log-store/types";
import type { ApiRoute, HttpMethod } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";

// Share links through their routes, against the real Postgres and the real Elasticsearch.
let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let store: LogStore;
let db: ReturnType<typeof import("@/lib/server/db").getDb>;
let viewKinds: typeof import("@/lib/share/view-kinds");
type Caller = Awaited<ReturnType<typeof import("@/lib/testing/route-harness").signedInAs>>;
let sender: Caller;
let reader: Caller;
let admin: Caller;
const tag = crypto.randomUUID().slice(0, 8);
const index = `logs-triage-share-${tag}-a`;
const sourceName = `share-${tag}`;
const anchor = Date.now();

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_share");
  harness = await import("@/lib/testing/route-harness");
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, "../../../app"));
  db = (await import("@/lib/server/db")).getDb();
  viewKinds = await import("@/lib/share/view-kinds");
  store = await (await import("@/lib/server/log-store")).getLogStore();
  await (await import("@/lib/server/log-store/ensure-log-index-template")).ensureLogIndexTemplate(store);
  const { ECS_FIELD_MAPPING } = await import("@/lib/logs/field-mapping");
  const line = (i: number) => ({
    "@timestamp": new Date(anchor - 60_000 - i * 1000).toISOString(),
    message: i === 0 ? "login failed password=hunter2-secret" : `request ${i} failed`,
    service: { name: i % 2 ? "orders" : "gateway", environment: "production" },
    log: { level: "ERROR" },
    http: { request: { id: `req-${tag}-${i}` }, response: { status_code: 500 } },
    url: { path: `/api/orders/${i}` },
  });
  await store.bulkIndex(index, Array.from({ length: 30 }, (_, i) => line(i)), { refresh: true });
  await db.logSource.create({ data: { name: sourceName, indexPattern: `logs-triage-share-${tag}-*`, mapping: ECS_FIELD_MAPPING, updatedBy: "test" } });
  [sender, reader, admin] = await Promise.all([harness.signedInAs("viewer", "sender"), harness.signedInAs("viewer", "reader"), harness.signedInAs("admin", "admin")]);
});

afterAll(async () => {
  await store?.deleteIndex(index).catch(() => {});
  await closeRouteTestDatabase(database);
});

async function call<T>(caller: Caller, method: HttpMethod, urlPath: string, options: { body?: unknown; search?: string } = {}): Promise<{ status: number; body: T }> {
  const route = routes.find((candidate) => {
    const pattern = new RegExp(`^${candidate.path.replace(/00000000-0000-4000-8000-000000000000/g, "[^/]+")}$`);
    return candidate.methods.includes(method) && pattern.test(urlPath) && candidate.path.split("/").length === urlPath.split("/").length;
  });
  if (!route) throw new Error(`no route ${method} ${urlPath}`);
  const slug = urlPath.split("/")[4];
  const response = await harness.callRoute(route, method, { headers: caller.headers, body: options.body, search: options.search, params: slug ? { slug: decodeURIComponent(slug) } : undefined });
  return { status: response.status, body: (await response.json()) as T };
}

const share = (caller: Caller, body: Record<string, unknown>) => call<ShareLinkSummary & { path: string }>(caller, "POST", "/api/share/links", { body: { senderTimeZone: "Europe/Berlin", ...body } });
const open = (caller: Caller, slug: string) => call<SharedViewResponse>(caller, "GET", `/api/share/links/${encodeURIComponent(slug)}`);

// Every setting of every view, none at its default, so a dropped or renamed key fails here.
const EVERY_SETTING: Record<string, { params: Record<string, string>; pathParams?: { id: string } }> = {
  overview: { params: { from: "now-30m", to: "now-5m", refresh: "10s", tz: "browser", service: "gateway,orders", environment: "production", source: `${sourceName},other` } },
  explorer: {
    params: { from: "now-2h", to: "now", refresh: "30s", tz: "browser", source: sourceName, q: 'message:"failed" AND NOT x', service: "gateway", environment: "production,staging", level: "ERROR,WARN", status: "5xx,4xx", columns: "url.path,http.request.id", order: "asc", size: "200", cursor: "abcDEF123_-", line: `${index}:abc` },
  },
  request: { params: { around: "2026-12-01T10:00:00.000Z", window: "24h", user: "4821", method: "POST", path: "/api/orders/1" }, pathParams: { id: `req-${tag}-3 with space/and slash` } },
  alerts: { params: { state: "firing", severity: "critical", service: "users", label: "team=identity" } },
  alert: { params: { range: "7d", at: "2026-12-01T10:00:00.000Z" }, pathParams: { id: crypto.randomUUID() } },
  "slow-queries": { params: { from: "now-6h", to: "now-1h", refresh: "1m", tz: "browser", threshold: "250", sort: "p95", service: "orders,users", source: `${sourceName},other` } },
  "slow-query": { params: { from: "now-3h", to: "now", refresh: "30s", tz: "browser", threshold: "800", sort: "count", service: "orders", source: sourceName, sample: `${index}:line-1` }, pathParams: { id: "0123456789abcdef" } },
};

describe("share links", () => {
  it("covers every setting of every view it can share", () => {
    for (const [kind, definition] of Object.entries(viewKinds.VIEW_KINDS)) {
      expect(Object.keys(EVERY_SETTING[kind]!.params).sort(), kind).toEqual(Object.keys(definition.parsers).sort());
    }
  });

  it.each(Object.keys(EVERY_SETTING))("round-trips every setting of the %s view to another user, with relative time frozen", async (kind) => {
    const { params, pathParams } = EVERY_SETTING[kind]!;
    const before = Date.now();
    const created = await share(sender, { kind, params, pathParams });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const opened = await open(reader, created.body.slug);
    expect(opened.status).toBe(200);
    expect(opened.body.notes).toEqual([]);
    expect(opened.body.createdByName).toBe("sender");
    const href = new URL(opened.body.href, "http://x");
    const definition = viewKinds.VIEW_KINDS[kind as keyof typeof viewKinds.VIEW_KINDS];
    expect(href.pathname).toBe(new URL(definition.path(pathParams ?? {})!, "http://x").pathname);
    if (pathParams) expect(decodeURIComponent(href.pathname.split("/")[2]!)).toBe(pathParams.id);
    expect(href.searchParams.get("shared")).toBe(created.body.slug);
    const load = createLoader(definition.parsers as never) as (search: URLSearchParams) => Record<string, unknown>;
    const restored = load(href.searchParams);
    const expected = load(new URLSearchParams(params));
    // Relative bounds come back as the absolute instants they meant when the link was made.
    if ("from" in params) {
      const resolve = (expression: string, base: number) => base - (/now-(\d+)([mh])/.exec(expression) ? Number(/now-(\d+)/.exec(expression)![1]) * (expression.endsWith("h") ? 3_600_000 : 60_000) : 0);
      for (const key of ["from", "to"] as const) {
        const at = Date.parse(restored[key] as string);
        expect(at, key).toBeGreaterThanOrEqual(resolve(params[key]!, before));
        expect(at, key).toBeLessThanOrEqual(resolve(params[key]!, Date.now()));
        expected[key] = restored[key];
      }
      expect(opened.body.liveFrom).toBe(params.from);
      expect(new URL(opened.body.liveHref, "http://x").searchParams.get("from")).toBe(params.from);
    }
    // A rule page's frozen instant only froze time: "Back to live" replays up to now again.
    if (kind === "alert") {
      expect(new URL(opened.body.liveHref, "http://x").searchParams.get("at")).toBeNull();
      expect(new URL(opened.body.liveHref, "http://x").searchParams.get("range")).toBe("7d");
    }
    // A frozen view never polls.
    if ("refresh" in params) expected.refresh = "off";
    expect(restored).toEqual(expected);
  });

  it("pins a rule page shared without a time to the moment of sharing, and refuses a rule id that is not one", async () => {
    const before = Date.now();
    const created = await share(sender, { kind: "alert", params: { range: "24h" }, pathParams: { id: crypto.randomUUID() } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const opened = await open(reader, created.body.slug);
    const at = Date.parse(new URL(opened.body.href, "http://x").searchParams.get("at")!);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    const refused = await share(sender, { kind: "alert", params: {}, pathParams: { id: "../admin" } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("alert rule");
  });

  it("makes slugs of 128 random bits in base64url, nothing sequential", async () => {
    const slugs = await Promise.all(Array.from({ length: 12 }, () => share(sender, { kind: "overview", params: {} }).then((r) => r.body.slug)));
    for (const slug of slugs) expect(slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(slugs).size).toBe(slugs.length);
    // Consecutive slugs share no common prefix the way counters or time-ordered ids would.
    const prefixes = new Set(slugs.map((slug) => slug.slice(0, 3)));
    expect(prefixes.size).toBeGreaterThan(9);
  });

  it("answers an unknown, malformed, deleted and expired slug with the same 404, in about the same time", async () => {
    const deleted = (await share(sender, { kind: "overview", params: {} })).body.slug;
    expect((await call(sender, "DELETE", `/api/share/links/${deleted}`)).status).toBe(200);
    const expired = (await share(sender, { kind: "overview", params: {}, expiresInDays: 1 })).body.slug;
    await db.shareLink.update({ where: { slug: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const unknown = "AAAAAAAAAAAAAAAAAAAAAA";
    const shapes = new Set<string>();
    const timings: Record<string, number[]> = {};
    for (let round = 0; round < 25; round += 1) {
      for (const [label, slug] of Object.entries({ unknown, deleted, expired, malformed: "../../etc/passwd'--" })) {
        const started = performance.now();
        const response = await open(reader, slug);
        (timings[label] ??= []).push(performance.now() - started);
        expect(response.status, label).toBe(404);
        const { requestId: _requestId, ...error } = (response.body as unknown as { error: Record<string, unknown> }).error;
        shapes.add(JSON.stringify(error));
      }
    }
    expect([...shapes]).toHaveLength(1);
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const medians = Object.values(timings).map(median);
    // Each miss runs the same single indexed lookup. Loose enough for a busy machine, and still far
    // from what an early exit before the query would show (a tenth of the time or less).
    expect(Math.min(...medians), JSON.stringify(medians)).toBeGreaterThan(Math.max(...medians) / 3);
  });

  it("lets the owner list, rename and delete; another viewer gets 403; an admin sees and manages all", async () => {
    const mine = (await share(sender, { kind: "overview", params: {}, name: "checkout spike" })).body;
    const listed = await call<{ links: ShareLinkSummary[] }>(sender, "GET", "/api/share/links");
    expect(listed.body.links.map((link) => link.slug)).toContain(mine.slug);
    expect((await call<{ links: ShareLinkSummary[] }>(reader, "GET", "/api/share/links")).body.links.map((link) => link.slug)).not.toContain(mine.slug);
    expect((await call(reader, "GET", "/api/share/links", { search: "?all=true" })).status).toBe(403);
    expect((await call<{ links: ShareLinkSummary[] }>(admin, "GET", "/api/share/links", { search: "?all=true" })).body.links.map((link) => link.slug)).toContain(mine.slug);

    expect((await call(reader, "PATCH", `/api/share/links/${mine.slug}`, { body: { name: "hijacked" } })).status).toBe(403);
    expect((await call(reader, "DELETE", `/api/share/links/${mine.slug}`)).status).toBe(403);
    const renamed = await call<ShareLinkSummary>(sender, "PATCH", `/api/share/links/${mine.slug}`, { body: { name: "checkout spike, 14:05" } });
    expect(renamed.body.name).toBe("checkout spike, 14:05");
    expect((await call(sender, "PATCH", `/api/share/links/${mine.slug}`, { body: { name: "a\u0000b" } })).status).toBe(422);
    expect((await call(admin, "DELETE", `/api/share/links/${mine.slug}`)).status).toBe(200);
    expect((await open(reader, mine.slug)).status).toBe(404);

    const row = await db.shareLink.findFirst({ where: { slug: mine.slug } });
    expect(row).toBeNull();
    const audit = await db.auditLog.findMany({ where: { action: { startsWith: "share_link." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(["share_link.created", "share_link.renamed", "share_link.deleted"]));
  });

  it("refuses a NUL in a shared setting or name with a 422 on that field", async () => {
    const bad = await share(sender, { kind: "explorer", params: { q: "a\u0000b" } });
    expect(bad.status).toBe(422);
    expect((bad.body as unknown as { error: { fields: Record<string, string> } }).error.fields["params.q"]).toMatch(/NUL/);
    const badName = await share(sender, { kind: "overview", params: {}, name: "x\u0000" });
    expect((badName.body as unknown as { error: { fields: Record<string, string> } }).error.fields.name).toMatch(/NUL/);
  });
});

describe("snapshots", () => {
  const explorer = () => ({ kind: "explorer", params: { from: new Date(anchor - 3_600_000).toISOString(), to: new Date(anchor).toISOString(), source: sourceName, columns: "url.path", line: "" }, snapshot: true });

  it("keeps the view's answers, redacted, and still shows them after the index is deleted", async () => {
    const created = await share(sender, explorer());
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.hasSnapshot).toBe(true);
    const stored = await db.shareSnapshot.findFirstOrThrow({ where: { link: { slug: created.body.slug } } });
    expect(stored.lineCount).toBe(30);
    expect(JSON.stringify(stored.answers)).not.toContain("hunter2-secret");
    expect(stored.sizeBytes).toBe(Buffer.byteLength(JSON.stringify(stored.answers)));

    const overview = await share(sender, { kind: "overview", params: { from: new Date(anchor - 3_600_000).toISOString(), to: new Date(anchor).toISOString(), source: sourceName }, snapshot: true });
    const request = await share(sender, { kind: "request", params: { around: new Date(anchor - 60_000).toISOString(), window: "1h" }, pathParams: { id: `req-${tag}-3` }, snapshot: true });
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);
    expect(request.status, JSON.stringify(request.body)).toBe(200);

    await store.deleteIndex(index);
    // The instance's view cache reuses an identical answer for a few seconds (VIEW_REUSE_SECONDS);
    // retention deletes indices long before anyone reopens a snapshot, so start this read cold.
    (await import("@/lib/server/logs/view-cache")).invalidateViewCache();
    const live = await harness.callRoute(routes.find((route) => route.path === "/api/logs/search")!, "GET", { headers: reader.headers, search: `?${new URLSearchParams({ from: explorer().params.from, to: explorer().params.to, source: sourceName })}` });
    expect(((await live.json()) as { lines: unknown[] }).lines).toEqual([]);

    const opened = await open(reader, created.body.slug);
    const page = opened.body.snapshot!.answers.page as { lines: Array<{ id: string; source: Record<string, unknown> }>; total: number };
    expect(page.total).toBe(30);
    expect(page.lines).toHaveLength(30);
    expect(JSON.stringify(page.lines)).toContain("request 5 failed");
    expect(opened.body.restored.params.columns).toBe("url.path");

    const overviewAnswer = (await open(reader, overview.body.slug)).body.snapshot!.answers.overview as { totals: Array<{ service: string; serverErrors: number }> };
    expect(overviewAnswer.totals.map((total) => [total.service, total.serverErrors]).sort()).toEqual([["gateway", 15], ["orders", 15]]);
    const drilldown = (await open(reader, request.body.slug)).body.snapshot!.answers.drilldown as { lines: number; logLines: unknown[] };
    expect(drilldown.lines).toBe(1);
    expect(drilldown.logLines).toHaveLength(1);

    // The page draws it with the view's own components, from the stored answer alone.
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { createElement } = await import("react");
    const { SnapshotBody } = await import("@/components/share/snapshots/snapshot-body");
    const html = renderToStaticMarkup(createElement(SnapshotBody, { kind: "explorer", answers: opened.body.snapshot!.answers, params: opened.body.restored.params, timeZone: "utc" }));
    expect(html).toContain("request 5 failed");
    expect(html).toContain("30 of 30 lines");
  });

  it("refuses a snapshot over the cap with the numbers", async () => {
    const bigIndex = `logs-triage-share-${tag}-big`;
    const filler = "x".repeat(5_000);
    await store.bulkIndex(bigIndex, Array.from({ length: 450 }, (_, i) => ({ "@timestamp": new Date(anchor - 120_000 - i).toISOString(), message: `big ${i} ${filler}`, service: { name: "big" }, log: { level: "INFO" } })), { refresh: true });
    const snapshots = () => db.shareSnapshot.count({ where: { link: { createdById: sender.userId } } });
    const before = await snapshots();
    try {
      const refused = await share(sender, { kind: "explorer", params: { from: new Date(anchor - 3_600_000).toISOString(), to: new Date(anchor).toISOString(), source: sourceName, size: "500" }, snapshot: true });
      expect(refused.status).toBe(422);
      const message = (refused.body as unknown as { error: { message: string } }).error.message;
      expect(message).toMatch(/would be \d+\.\d\d MB \([\d,]+ bytes\), over the 2\.00 MB cap/);
      expect(await snapshots()).toBe(before);
    } finally {
      await store.deleteIndex(bigIndex);
    }
  });
});
