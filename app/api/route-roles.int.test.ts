import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";
import type { ApiRoute, HttpMethod } from "@/lib/testing/route-harness";

let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let db: ReturnType<typeof import("@/lib/server/db").getDb>;

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_roles");
  harness = await import("@/lib/testing/route-harness");
  db = (await import("@/lib/server/db")).getDb();
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, ".."));
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

const route = (urlPath: string) => {
  const found = routes.find((candidate) => candidate.path.replace(/[0-9a-f-]{36}/, "[id]") === urlPath);
  if (!found) throw new Error(`no route ${urlPath}`);
  return found;
};

interface Case {
  name: string;
  method: HttpMethod;
  path: string;
  allowed: Role[];
  /** Builds this case's own target data and request; runs once per role. */
  prepare: () => Promise<{ params?: Record<string, string>; body?: unknown; search?: string }>;
}

const someUser = async () => (await harness.signedInAs("viewer", "target")).userId;
const someToken = async () => {
  const owner = await harness.signedInAs("admin", "token-owner");
  const token = await db.apiToken.create({ data: { name: "ci", role: "viewer", tokenHash: crypto.randomUUID(), prefix: "trg_xx", userId: owner.userId } });
  return token.id;
};
const sourceBody = async () => {
  const { ECS_FIELD_MAPPING } = await import("@/lib/logs/field-mapping");
  const name = `roles-${crypto.randomUUID().slice(0, 8)}`;
  return { name, indexPattern: `${name}-*`, mapping: ECS_FIELD_MAPPING, enabled: true };
};
/** A saved source of this case's own, to edit or delete. */
const someSource = async () => {
  const body = await sourceBody();
  const row = await db.logSource.create({ data: { ...body, updatedBy: "roles-test" } });
  return { id: row.id, body: { ...body, version: row.version } };
};

const CASES: Case[] = [
  { name: "create a user", method: "POST", path: "/api/users", allowed: ["admin"], prepare: async () => ({ body: { email: `new-${crypto.randomUUID().slice(0, 8)}@triage.test`, name: "New", password: "a long enough password", role: "viewer" } }) },
  { name: "change a role", method: "PATCH", path: "/api/users/[id]", allowed: ["admin"], prepare: async () => ({ params: { id: await someUser() }, body: { role: "editor" } }) },
  { name: "create an API token", method: "POST", path: "/api/tokens", allowed: ["admin"], prepare: async () => ({ body: { name: "deploy bot", role: "viewer" } }) },
  { name: "revoke an API token", method: "DELETE", path: "/api/tokens/[id]", allowed: ["admin"], prepare: async () => ({ params: { id: await someToken() } }) },
  { name: "add a log source", method: "POST", path: "/api/sources", allowed: ["admin"], prepare: async () => ({ body: await sourceBody() }) },
  { name: "edit a log source", method: "PUT", path: "/api/sources/[id]", allowed: ["admin"], prepare: async () => { const source = await someSource(); return { params: { id: source.id }, body: source.body }; } },
  { name: "delete a log source", method: "DELETE", path: "/api/sources/[id]", allowed: ["admin"], prepare: async () => { const source = await someSource(); return { params: { id: source.id }, search: "?version=1" }; } },
  { name: "log out", method: "POST", path: "/api/auth/logout", allowed: ["viewer", "editor", "admin"], prepare: async () => ({}) },
  { name: "list users", method: "GET", path: "/api/users", allowed: ["admin"], prepare: async () => ({}) },
  { name: "list API tokens", method: "GET", path: "/api/tokens", allowed: ["admin"], prepare: async () => ({}) },
  { name: "read the audit log", method: "GET", path: "/api/audit", allowed: ["admin"], prepare: async () => ({}) },
  { name: "list log sources", method: "GET", path: "/api/sources", allowed: ["viewer", "editor", "admin"], prepare: async () => ({}) },
  { name: "choose a theme", method: "PUT", path: "/api/me/theme", allowed: ["viewer", "editor", "admin"], prepare: async () => ({ body: { theme: "light" } }) },
  { name: "read who I am", method: "GET", path: "/api/auth/me", allowed: ["viewer", "editor", "admin"], prepare: async () => ({}) },
];

describe.each(CASES)("$method $path ($name)", (testCase) => {
  it.each(["viewer", "editor", "admin"] as Role[])("as %s", async (role) => {
    const caller = await harness.signedInAs(role);
    const request = await testCase.prepare();
    const response = await harness.callRoute(route(testCase.path), testCase.method, { headers: caller.headers, ...request });
    const body = await response.text();
    if (testCase.allowed.includes(role)) expect(response.status, body).toBe(200);
    else {
      expect(response.status, body).toBe(403);
      expect(JSON.parse(body).error.message).toMatch(/role/);
    }
  });
});
