import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";
import type { ApiRoute } from "@/lib/testing/route-harness";

// Routes that must answer without a session, and why. Anything else must refuse anonymous callers.
const PUBLIC_ROUTES = new Set(["GET /api/health", "POST /api/auth/login"]);

let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_guard");
  harness = await import("@/lib/testing/route-harness");
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, ".."));
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

describe("every API route is behind the guard", () => {
  it("finds the routes (so this test cannot pass by finding none)", () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.map((route) => route.path)).toContain("/api/overview/error-rate");
  });

  it("refuses an anonymous request to every non-public method with 401 and the error envelope", async () => {
    const checked: string[] = [];
    for (const route of routes) {
      for (const method of route.methods) {
        const key = `${method} ${route.path}`;
        if (PUBLIC_ROUTES.has(key)) continue;
        const response = await harness.callRoute(route, method, { headers: { origin: harness.TEST_ORIGIN }, body: method === "GET" || method === "DELETE" ? undefined : {} });
        const body = (await response.json()) as { error?: { code: string; message: string } };
        expect.soft(response.status, key).toBe(401);
        expect.soft(body.error?.code, key).toBe("unauthorized");
        checked.push(key);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(12);
  });

  it("keeps the public list honest: each public route exists", () => {
    const all = new Set(routes.flatMap((route) => route.methods.map((method) => `${method} ${route.path}`)));
    for (const key of PUBLIC_ROUTES) expect(all.has(key), key).toBe(true);
  });

  it("refuses an invalid or revoked-looking bearer token like an anonymous caller", async () => {
    const route = routes.find((candidate) => candidate.path === "/api/auth/me")!;
    const response = await harness.callRoute(route, "GET", { headers: { authorization: "Bearer trg_not-a-real-token" } });
    expect(response.status).toBe(401);
  });
});
