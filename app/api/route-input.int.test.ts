import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { LogStore } from "@/lib/server/log-store/types";
import type { ApiRoute, HttpMethod } from "@/lib/server/testing/route-harness";
import { openRouteTestDatabase } from "@/lib/server/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";

// Hostile text against every route that takes input: each string of a valid request is replaced by
// text Postgres cannot store (NUL, lone surrogates) or nobody should store (C0/C1 controls).
const HOSTILE = ["\u0000", "a\u0000b", "bell\u0007", "\u001b[2J", "a\u007f", "next\u0085line", "a\ud800b", "\udfff"];

// Routes that read neither a body nor a query string (beyond refusing unknown parameters).
const NO_INPUT = new Set(["GET /api/auth/me", "GET /api/users", "GET /api/tokens", "GET /api/settings/logs", "GET /api/health", "GET /api/logs/fields", "DELETE /api/tokens/[id]"]);

let database: TestDatabase;
let harness: typeof import("@/lib/server/testing/route-harness");
let routes: ApiRoute[];
let errorLog: ReturnType<typeof vi.spyOn>;
let store: LogStore;
const indexBase = `logs-triage-input-${crypto.randomUUID().slice(0, 8)}`;
const indexPattern = `${indexBase}-*`;
const login = { email: `login-${crypto.randomUUID().slice(0, 8)}@triage.test`, password: "correct horse battery" };

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_input");
  harness = await import("@/lib/server/testing/route-harness");
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
  CASES["GET /api/logs/surrounding"]!.search!.id = found.hits[0]!._id;
  await getDb().appSetting.create({ data: { key: "logs", value: { indexPattern, mapping: ECS_FIELD_MAPPING }, version: 1, updatedBy: "test" } });
  await getDb().user.create({ data: { email: login.email, name: "Login", passwordHash: await hashPassword(login.password), role: "viewer" } });
  errorLog = vi.spyOn((await import("@/lib/server/logger")).logger, "error");
});

afterAll(async () => {
  await store?.deleteIndex(`${indexBase}-a`);
  const { getDbPool } = await import("@/lib/server/db");
  await getDbPool().end().catch(() => {});
  await database.drop();
});

interface InputCase {
  role: Role | null;
  /** A valid request; built fresh for every call (unique emails, the current settings version). */
  body?: () => Promise<Record<string, unknown>>;
  search?: Record<string, string>;
  params?: Record<string, string>;
  /** Body strings that are checked but never stored (a password is only hashed). */
  notStored?: string[];
}

const range = { from: "now-15m", to: "now" };
const filters = { ...range, q: "error", service: "gateway", environment: "production", level: "ERROR", status: "5xx" };

const CASES: Record<string, InputCase> = {
  "POST /api/auth/login": { role: null, body: async () => ({ ...login }), notStored: ["password"] },
  "POST /api/auth/logout": { role: "viewer", search: { everywhere: "false" } },
  "POST /api/users": { role: "admin", body: async () => ({ email: `new-${crypto.randomUUID().slice(0, 8)}@triage.test`, name: "New Person", password: "a long enough password", role: "viewer" }), notStored: ["password"] },
  "PATCH /api/users/[id]": { role: "admin", body: async () => ({ role: "editor" }) },
  "POST /api/tokens": { role: "admin", body: async () => ({ name: "deploy bot", role: "viewer" }) },
  "PUT /api/settings/logs": {
    role: "admin",
    body: async () => {
      const { getDb } = await import("@/lib/server/db");
      const { ECS_FIELD_MAPPING } = await import("@/lib/logs/field-mapping");
      const row = await getDb().appSetting.findUniqueOrThrow({ where: { key: "logs" } });
      return { indexPattern, mapping: ECS_FIELD_MAPPING, defaultQueryFields: ["message", "error.message"], version: row.version };
    },
  },
  "GET /api/audit": { role: "admin", search: { limit: "10", action: "auth.login" } },
  "GET /api/logs/search": { role: "viewer", search: { ...filters, size: "10", order: "desc" } },
  "GET /api/logs/export": { role: "viewer", search: { ...filters, format: "csv", limit: "10", columns: "url.path" } },
  "GET /api/logs/fields/values": { role: "viewer", search: { ...filters, field: "service.name" } },
  "GET /api/logs/surrounding": { role: "viewer", search: { id: "some-line-id", before: "5", after: "5" } },
  "GET /api/overview": { role: "viewer", search: { ...range, service: "gateway", environment: "production" } },
  "GET /api/overview/error-rate": { role: "viewer", search: { ...range, service: "gateway" } },
  "GET /api/requests/[id]": { role: "viewer", params: { id: "req-0123456789abcdef" }, search: { window: "1h", user: "4821", method: "GET", path: "/api/users/4821" } },
  "GET /api/settings/logs/detect": { role: "admin", search: { indexPattern } },
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

async function call(key: string, request: { body?: unknown; search?: Record<string, string>; params?: Record<string, string>; fresh?: boolean }) {
  const testCase = CASES[key]!;
  const { method, route } = routeFor(key);
  const caller = await callerFor(testCase.role, request.fresh);
  let params = request.params ?? testCase.params;
  if (key === "PATCH /api/users/[id]") params = { id: await patchTarget() };
  const search = request.search ? `?${new URLSearchParams(request.search)}` : "";
  const response = await harness.callRoute(route, method, { headers: caller.headers, body: request.body, search, params });
  return { status: response.status, text: await response.text() };
}

describe("hostile text in every route's input", () => {
  it("knows every route that takes input, so a new route must join this test", () => {
    const all = routes.flatMap((route) => route.methods.map((method) => keyOf(route, method)));
    expect(all.filter((key) => !NO_INPUT.has(key) && !(key in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((key) => !all.includes(key))).toEqual([]);
  });

  describe.each(Object.keys(CASES))("%s", (key) => {
    it("accepts the valid request this test starts from", async () => {
      const testCase = CASES[key]!;
      const { status, text } = await call(key, { body: await testCase.body?.(), search: testCase.search, fresh: true });
      expect(status, text).toBe(200);
    });

    it("refuses every hostile body string with a 422 naming the field", async () => {
      const testCase = CASES[key]!;
      if (!testCase.body) return;
      const leaves = stringLeaves(await testCase.body());
      expect(leaves.length).toBeGreaterThan(0);
      for (const leaf of leaves) {
        const field = leaf.join(".");
        for (const hostile of HOSTILE) {
          const { status, text } = await call(key, { body: replaceLeaf(await testCase.body(), leaf, hostile) });
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
      const testCase = CASES[key]!;
      const variants: Array<{ search?: Record<string, string>; params?: Record<string, string>; label: string }> = [];
      for (const name of Object.keys(testCase.search ?? {})) {
        for (const hostile of HOSTILE) variants.push({ search: { ...testCase.search, [name]: hostile }, label: `${name}=${JSON.stringify(hostile)}` });
      }
      for (const name of Object.keys(testCase.params ?? {})) {
        for (const hostile of HOSTILE) variants.push({ search: testCase.search, params: { ...testCase.params, [name]: hostile }, label: `[${name}]=${JSON.stringify(hostile)}` });
      }
      const body = await testCase.body?.();
      for (const variant of variants) {
        const { status, text } = await call(key, { ...variant, body });
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
        // Health takes no input and must keep answering load balancers whatever they append.
        if (key === "GET /api/health" || (method !== "GET" && !testCase?.search)) continue;
        const role = testCase ? testCase.role : key === "GET /api/auth/me" || key === "GET /api/settings/logs" || key === "GET /api/logs/fields" ? "viewer" : "admin";
        const caller = await callerFor(role);
        const search = `?${new URLSearchParams({ ...testCase?.search, unexpected: "1" })}`;
        const response = await harness.callRoute(route, method, { headers: caller.headers, search, params: testCase?.params });
        const body = await response.text();
        expect.soft(response.status, `${key}: ${body.slice(0, 300)}`).toBe(400);
        expect.soft(JSON.parse(body).error?.fields?.["(input)"] ?? body.slice(0, 300), key).toMatch(/unexpected|Unrecognized/i);
        checked.push(key);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(14);
  });

  it("wrote no error log line for any of it", () => {
    expect(errorLog.mock.calls.map((args: unknown[]) => JSON.stringify(args).slice(0, 300))).toEqual([]);
  });
});
