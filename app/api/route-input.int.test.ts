import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { LogStore } from "@/lib/server/log-store/types";
import type { ApiRoute, HttpMethod } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";

// Hostile text against every route that takes input: each string of a valid request is replaced by
// text Postgres cannot store (NUL, lone surrogates) or nobody should store (C0/C1 controls).
const HOSTILE = ["\u0000", "a\u0000b", "bell\u0007", "\u001b[2J", "a\u007f", "next\u0085line", "a\ud800b", "\udfff"];

// Routes that read neither a body nor a query string (beyond refusing unknown parameters).
const NO_INPUT = new Set(["GET /api/auth/me", "GET /api/users", "GET /api/tokens", "GET /api/sources", "GET /api/sources/check", "GET /api/health", "GET /api/logs/fields", "DELETE /api/tokens/[id]",
  // Alerts: lists and exports without parameters, a copy by id, and a toggle whose body is a number and a boolean.
  "GET /api/alerts/export", "GET /api/alerts/firing", "GET /api/contact-points", "POST /api/alerts/[id]/duplicate", "POST /api/contact-points/[id]/test", "PUT /api/alerts/[id]/enabled",
  "GET /api/slow-queries/targets"]);

let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let errorLog: ReturnType<typeof vi.spyOn>;
let store: LogStore;
let lineId = "";
const indexBase = `logs-triage-input-${crypto.randomUUID().slice(0, 8)}`;
const indexPattern = `${indexBase}-*`;
const login = { email: `login-${crypto.randomUUID().slice(0, 8)}@triage.test`, password: "correct horse battery" };

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_input");
  // EXPLAIN needs a target database: this test's own (a plain SELECT plans anywhere).
  process.env.TARGET_DATABASE_URL = database.url;
  harness = await import("@/lib/testing/route-harness");
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, ".."));
  const { getDb } = await import("@/lib/server/db");
  const { ECS_FIELD_MAPPING } = await import("@/lib/logs/field-mapping");
  const { hashPassword } = await import("@/lib/server/auth/password");
  // An index pattern of this file's own with two lines: engine-backed routes answer quickly and see nobody else's.
  store = await (await import("@/lib/server/log-store")).getLogStore();
  await (await import("@/lib/server/log-store/ensure-log-index-template")).ensureLogIndexTemplate(store);
  const now = Date.now();
  const line = (offsetMs: number, message: string) => ({ "@timestamp": new Date(now - offsetMs).toISOString(), message, service: { name: "gateway", environment: "production" }, log: { level: "ERROR" }, http: { response: { status_code: 500 } }, url: { path: "/api/users/4821" } });
  await store.bulkIndex(`${indexBase}-a`, [line(60_000, "first error"), line(30_000, "second error")], { refresh: true });
  const found = await store.search({ index: indexPattern, body: { size: 1, query: { match_all: {} } } });
  lineId = found.hits[0]!._id;
  await getDb().logSource.create({ data: { name: "default", indexPattern, mapping: ECS_FIELD_MAPPING, updatedBy: "test" } });
  await getDb().user.create({ data: { email: login.email, name: "Login", passwordHash: await hashPassword(login.password), role: "viewer" } });
  errorLog = vi.spyOn((await import("@/lib/server/logger")).logger, "error");
});

afterAll(async () => {
  await store?.deleteIndex(`${indexBase}-a`);
  await closeRouteTestDatabase(database);
});

interface PreparedRequest {
  body?: Record<string, unknown>;
  search?: Record<string, string>;
  params?: Record<string, string>;
}

interface InputCase {
  role: Role | null;
  /** A valid request, built fresh for every call (unique emails, current versions, a source to delete). */
  prepare: () => Promise<PreparedRequest>;
  /** Body strings that are checked but never stored (a password is only hashed). */
  notStored?: string[];
}

const range = { from: "now-15m", to: "now" };
const filters = { ...range, q: "error", service: "gateway", environment: "production", level: "ERROR", status: "5xx" };
const unique = () => crypto.randomUUID().slice(0, 8);
const mapping = async () => (await import("@/lib/logs/field-mapping")).ECS_FIELD_MAPPING;

/** A saved log source of this test's own (a pattern no other source overlaps), through the route itself. */
async function newSource(): Promise<{ id: string; version: number; name: string; indexPattern: string }> {
  const admin = await callerFor("admin");
  const name = `input-${unique()}`;
  const response = await harness.callRoute(routeFor("POST /api/sources").route, "POST", { headers: admin.headers, body: { name, indexPattern: `${name}-*`, mapping: await mapping(), enabled: true } });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; version: number; name: string; indexPattern: string };
}

/** A share link of this test's own, through the route. */
async function newLink(): Promise<{ slug: string; path: string }> {
  const viewer = await callerFor("viewer");
  const response = await harness.callRoute(routeFor("POST /api/share/links").route, "POST", { headers: viewer.headers, body: { kind: "overview", params: { from: "now-15m", to: "now" } } });
  expect(response.status).toBe(200);
  return (await response.json()) as { slug: string; path: string };
}

/** An incident of this test's own, through the route (editors write incidents). */
async function newIncident(): Promise<{ id: string; version: number }> {
  const editor = await callerFor("editor");
  const response = await harness.callRoute(routeFor("POST /api/incidents").route, "POST", { headers: editor.headers, body: incidentBody() });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; version: number };
}
const incidentBody = () => ({ title: "Checkout down", severity: "sev2", status: "investigating", services: ["gateway"], startedAt: "2026-12-01T14:00:00.000Z", commander: "Ada", fromView: { kind: "overview", params: { from: "now-15m", service: "gateway" }, senderTimeZone: "Europe/Berlin" } });
/** A saved alert rule of this test's own, through the route itself. */
async function newRule(): Promise<{ id: string; version: number; rule: Record<string, unknown> }> {
  const editor = await callerFor("editor");
  const response = await harness.callRoute(routeFor("POST /api/alerts").route, "POST", { headers: editor.headers, body: ruleBody() });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; version: number; rule: Record<string, unknown> };
}
const ruleBody = () => ({ name: `input-${unique()}`, severity: "warning", measure: { kind: "error_lines" }, condition: { comparator: "above", threshold: 10, windowMinutes: 5, intervalSeconds: 60 }, labels: { team: "core" } });
const contactPointBody = () => ({ name: `input-${unique()}`, kind: "webhook", url: "http://127.0.0.1:9/hook" });
async function newContactPoint(): Promise<{ id: string; version: number; name: string }> {
  const { getDb } = await import("@/lib/server/db");
  return getDb().contactPoint.create({ data: { ...contactPointBody(), kind: "webhook", secret: "an-input-test-signing-secret" } });
}
/** A rule of this test's own with one firing series, as the worker leaves it. */
async function newFiringRule(): Promise<{ id: string }> {
  const rule = await newRule();
  const { getDb } = await import("@/lib/server/db");
  const since = new Date(Date.now() - 120_000);
  const series = await getDb().alertSeries.create({ data: { ruleId: rule.id, seriesKey: "gateway", status: "firing", lastValue: 42, state: {}, since, lastEvaluatedAt: since } });
  await getDb().alertTransition.create({ data: { ruleId: rule.id, seriesId: series.id, fromStatus: "ok", toStatus: "firing", value: 42, threshold: 10, evaluatedAt: since } });
  return rule;
}
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

const CASES: Record<string, InputCase> = {
  "POST /api/auth/login": { role: null, prepare: async () => ({ body: { ...login } }), notStored: ["password"] },
  "POST /api/auth/logout": { role: "viewer", prepare: async () => ({ search: { everywhere: "false" } }) },
  "PUT /api/me/theme": { role: "viewer", prepare: async () => ({ body: { theme: "dark" } }) },
  "POST /api/users": {
    role: "admin",
    prepare: async () => ({ body: { email: `new-${unique()}@triage.test`, name: "New Person", password: "a long enough password", role: "viewer" } }),
    notStored: ["password"],
  },
  "PATCH /api/users/[id]": { role: "admin", prepare: async () => ({ params: { id: await patchTarget() }, body: { role: "editor" } }) },
  "POST /api/tokens": { role: "admin", prepare: async () => ({ body: { name: "deploy bot", role: "viewer" } }) },
  "POST /api/sources": {
    role: "admin",
    prepare: async () => {
      const name = `input-${unique()}`;
      return { body: { name, indexPattern: `${name}-*`, mapping: await mapping(), defaultQueryFields: ["message"], enabled: true } };
    },
  },
  "PUT /api/sources/[id]": {
    role: "admin",
    prepare: async () => {
      const source = await newSource();
      return { params: { id: source.id }, body: { name: source.name, indexPattern: source.indexPattern, mapping: await mapping(), defaultQueryFields: ["message"], enabled: true, version: source.version } };
    },
  },
  "DELETE /api/sources/[id]": {
    role: "admin",
    prepare: async () => {
      const source = await newSource();
      return { params: { id: source.id }, search: { version: String(source.version) } };
    },
  },
  "GET /api/audit": { role: "admin", prepare: async () => ({ search: { limit: "10", action: "auth.login" } }) },
  "GET /api/logs/search": { role: "viewer", prepare: async () => ({ search: { ...filters, size: "10", order: "desc" } }) },
  "GET /api/logs/export": { role: "viewer", prepare: async () => ({ search: { ...filters, format: "csv", limit: "10", columns: "url.path" } }) },
  "GET /api/logs/fields/values": { role: "viewer", prepare: async () => ({ search: { ...filters, field: "service.name" } }) },
  "GET /api/logs/surrounding": { role: "viewer", prepare: async () => ({ search: { id: lineId, before: "5", after: "5" } }) },
  "GET /api/slow-queries": { role: "viewer", prepare: async () => ({ search: { ...range, threshold: "100", sort: "p95", service: "gateway" } }) },
  "GET /api/slow-queries/[id]": { role: "viewer", prepare: async () => ({ params: { fingerprint: "830bb40b818426ea" }, search: { ...range, threshold: "100", service: "gateway" } }) },
  "POST /api/slow-queries/explain": { role: "viewer", prepare: async () => ({ body: { statement: "SELECT 1 AS one", services: ["orders"] } }) },
  "GET /api/overview": { role: "viewer", prepare: async () => ({ search: { ...range, service: "gateway", environment: "production" } }) },
  "GET /api/overview/error-rate": { role: "viewer", prepare: async () => ({ search: { ...range, service: "gateway" } }) },
  "GET /api/requests/[id]": { role: "viewer", prepare: async () => ({ params: { id: "req-0123456789abcdef" }, search: { window: "1h", user: "4821", method: "GET", path: "/api/users/4821" } }) },
  "GET /api/sources/detect": { role: "admin", prepare: async () => ({ search: { indexPattern } }) },
  "POST /api/share/links": { role: "viewer", prepare: async () => ({ body: { kind: "explorer", params: { from: "now-15m", to: "now", q: "error", service: "gateway" }, pathParams: {}, senderTimeZone: "Europe/Berlin", name: "checkout spike" } }) },
  "GET /api/share/links": { role: "viewer", prepare: async () => ({ search: { all: "false" } }) },
  "GET /api/share/links/[id]": { role: "viewer", prepare: async () => ({ params: { slug: (await newLink()).slug } }) },
  // Admins: the valid request runs as a fresh caller, who owns no link, and admins may manage any.
  "PATCH /api/share/links/[id]": { role: "admin", prepare: async () => ({ params: { slug: (await newLink()).slug }, body: { name: "renamed link" } }) },
  "DELETE /api/share/links/[id]": { role: "admin", prepare: async () => ({ params: { slug: (await newLink()).slug } }) },
  "GET /api/incidents": { role: "viewer", prepare: async () => ({ search: { status: "investigating", severity: "sev2", service: "gateway" } }) },
  "POST /api/incidents": { role: "editor", prepare: async () => ({ body: incidentBody() }) },
  "GET /api/incidents/[id]": { role: "viewer", prepare: async () => ({ params: { id: (await newIncident()).id } }) },
  "PATCH /api/incidents/[id]": {
    role: "editor",
    prepare: async () => {
      const incident = await newIncident();
      return { params: { id: incident.id }, body: { title: "Checkout still down", commander: "Grace", services: ["orders"], version: incident.version } };
    },
  },
  "POST /api/incidents/[id]/notes": { role: "editor", prepare: async () => ({ params: { id: (await newIncident()).id }, body: { body: "Rolled back **v42**" } }) },
  "POST /api/incidents/[id]/links": { role: "editor", prepare: async () => ({ params: { id: (await newIncident()).id }, body: { link: (await newLink()).path } }) },
  "GET /api/alerts": { role: "viewer", prepare: async () => ({ search: { state: "firing", severity: "critical", service: "gateway", label: "team=core" } }) },
  "POST /api/alerts": { role: "editor", prepare: async () => ({ body: ruleBody() }) },
  "GET /api/alerts/[id]": { role: "viewer", prepare: async () => ({ params: { id: (await newRule()).id } }) },
  "PUT /api/alerts/[id]": {
    role: "editor",
    prepare: async () => {
      const rule = await newRule();
      return { params: { id: rule.id }, body: { version: rule.version, rule: { ...ruleBody(), name: rule.rule.name } } };
    },
  },
  "DELETE /api/alerts/[id]": { role: "editor", prepare: async () => ({ params: { id: (await newRule()).id }, search: { version: "1" } }) },
  "POST /api/alerts/[id]/silences": { role: "editor", prepare: async () => ({ params: { id: (await newRule()).id }, body: { endsAt: inAnHour(), reason: "deploy" } }) },
  "DELETE /api/alerts/[id]/silences": {
    role: "editor",
    prepare: async () => {
      const rule = await newRule();
      const { getDb } = await import("@/lib/server/db");
      const silence = await getDb().alertSilence.create({ data: { ruleId: rule.id, endsAt: new Date(inAnHour()) } });
      return { params: { id: rule.id }, search: { silence: silence.id } };
    },
  },
  "POST /api/alerts/[id]/incident": { role: "editor", prepare: async () => ({ params: { id: (await newFiringRule()).id }, body: { seriesKey: "gateway", title: "Gateway 5xx", severity: "sev2" } }) },
  "POST /api/alerts/import": { role: "editor", prepare: async () => ({ body: { format: "triage.alert-rules/v1", rules: [ruleBody()] } }) },
  "POST /api/alerts/preview": { role: "viewer", prepare: async () => ({ body: { rule: ruleBody(), range: "24h" } }) },
  "POST /api/contact-points": { role: "editor", prepare: async () => ({ body: contactPointBody() }) },
  "PUT /api/contact-points/[id]": {
    role: "editor",
    prepare: async () => {
      const point = await newContactPoint();
      return { params: { id: point.id }, body: { version: point.version, contactPoint: { ...contactPointBody(), name: point.name } } };
    },
  },
  "DELETE /api/contact-points/[id]": { role: "editor", prepare: async () => ({ params: { id: (await newContactPoint()).id }, search: { version: "1" } }) },
};

/** Every string in a JSON value, by its path. */
function stringLeaves(value: unknown, at: string[] = []): string[][] {
  if (typeof value === "string") return [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...at, String(index)]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...at, key]));
  return [];
}

function replaceLeaf(value: unknown, at: string[], replacement: string): unknown {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at as [string, ...string[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head] = replaceLeaf(copy[head], rest, replacement);
  return copy;
}

const keyOf = (route: ApiRoute, method: HttpMethod) => `${method} ${route.path.replace(/00000000-0000-4000-8000-000000000000/, "[id]")}`;
const routeFor = (key: string) => {
  const [method, urlPath] = key.split(" ") as [HttpMethod, string];
  const route = routes.find((candidate) => keyOf(candidate, method) === key);
  if (!route) throw new Error(`no route ${key}`);
  return { method, route, urlPath };
};

let target: Promise<string> | undefined;
const patchTarget = () => (target ??= harness.signedInAs("viewer", "target").then((user) => user.userId));

const callers = new Map<Role, Promise<{ headers: Record<string, string> }>>();
/** One signed-in caller per role (hashing a password per call would dominate the run); logging out gets its own. */
function callerFor(role: Role | null, fresh = false) {
  if (!role) return Promise.resolve({ headers: { origin: harness.TEST_ORIGIN } });
  if (fresh) return harness.signedInAs(role, "input");
  if (!callers.has(role)) callers.set(role, harness.signedInAs(role, "input"));
  return callers.get(role)!;
}

async function call(key: string, request: PreparedRequest & { fresh?: boolean }) {
  const { method, route } = routeFor(key);
  const caller = await callerFor(CASES[key]!.role, request.fresh);
  const search = request.search ? `?${new URLSearchParams(request.search)}` : "";
  const response = await harness.callRoute(route, method, { headers: caller.headers, body: request.body, search, params: request.params });
  return { status: response.status, text: await response.text() };
}

describe("hostile text in every route's input", () => {
  it("knows every route that takes input, so a new route must join this test", () => {
    const all = routes.flatMap((route) => route.methods.map((method) => keyOf(route, method)));
    expect(all.filter((key) => !NO_INPUT.has(key) && !(key in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((key) => !all.includes(key))).toEqual([]);
  });

  describe.each(Object.keys(CASES))("%s", (key) => {
    const testCase = CASES[key]!;

    it("accepts the valid request this test starts from", async () => {
      const { status, text } = await call(key, { ...(await testCase.prepare()), fresh: true });
      expect(status, text).toBe(200);
    });

    it("refuses every hostile body string with a 422 naming the field", async () => {
      const { body } = await testCase.prepare();
      if (!body) return;
      const leaves = stringLeaves(body);
      expect(leaves.length).toBeGreaterThan(0);
      for (const leaf of leaves) {
        const field = leaf.join(".");
        for (const hostile of HOSTILE) {
          const request = await testCase.prepare();
          const { status, text } = await call(key, { ...request, body: replaceLeaf(request.body, leaf, hostile) as Record<string, unknown> });
          const label = `${field} = ${JSON.stringify(hostile)}: ${text}`;
          if (testCase.notStored?.includes(field)) {
            expect(status, label).toBeGreaterThanOrEqual(400);
            expect(status, label).toBeLessThan(500);
            continue;
          }
          expect(status, label).toBe(422);
          expect(JSON.parse(text).error.fields?.[field], label).toBeTruthy();
        }
      }
    });

    it("never answers a hostile query string or path segment with a 500", async () => {
      const valid = await testCase.prepare();
      const variants: Array<{ search?: Record<string, string>; params?: Record<string, string>; label: string }> = [];
      for (const name of Object.keys(valid.search ?? {})) {
        for (const hostile of HOSTILE) variants.push({ search: { ...valid.search, [name]: hostile }, label: `${name}=${JSON.stringify(hostile)}` });
      }
      for (const name of Object.keys(valid.params ?? {})) {
        for (const hostile of HOSTILE) variants.push({ search: valid.search, params: { ...valid.params, [name]: hostile }, label: `[${name}]=${JSON.stringify(hostile)}` });
      }
      for (const variant of variants) {
        const { status, text } = await call(key, { ...valid, ...variant });
        expect(status, `${variant.label}: ${text}`).toBeLessThan(500);
      }
    });
  });

  it("answers an unknown query parameter with a 400 on every route that reads a query", async () => {
    const checked: string[] = [];
    for (const route of routes) {
      for (const method of route.methods) {
        const key = keyOf(route, method);
        const testCase = CASES[key];
        const valid = testCase ? await testCase.prepare() : {};
        // Health takes no input and must keep answering load balancers whatever they append.
        if (key === "GET /api/health" || (method !== "GET" && !valid.search)) continue;
        const role = testCase ? testCase.role : ["GET /api/auth/me", "GET /api/logs/fields", "GET /api/sources", "GET /api/sources/check"].includes(key) ? "viewer" : "admin";
        const caller = await callerFor(role);
        const search = `?${new URLSearchParams({ ...valid.search, unexpected: "1" })}`;
        const response = await harness.callRoute(route, method, { headers: caller.headers, search, params: valid.params, body: valid.body });
        const body = await response.text();
        expect.soft(response.status, `${key}: ${body.slice(0, 300)}`).toBe(400);
        expect.soft(JSON.parse(body).error?.fields?.["(input)"] ?? body.slice(0, 300), key).toMatch(/unexpected|Unrecognized/i);
        checked.push(key);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(16);
  });

  it("wrote no error log line for any of it", () => {
    expect(errorLog.mock.calls.map((args: unknown[]) => JSON.stringify(args).slice(0, 300))).toEqual([]);
  });
});
