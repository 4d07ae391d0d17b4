import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiRoute } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";

// LOGS_URL=http://user:pass@host is allowed (the README says so): the credentials work, and never show.
let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
const engine = new URL(process.env.TEST_ES_URL ?? "http://127.0.0.1:9210");
const password = process.env.TEST_ES_PASSWORD ?? "triage-dev-password";

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_health_url");
  const withCredentials = new URL(engine);
  withCredentials.username = process.env.TEST_ES_USERNAME ?? "triage";
  withCredentials.password = password;
  process.env.LOGS_URL = withCredentials.toString();
  process.env.LOGS_USERNAME = "";
  process.env.LOGS_PASSWORD = "";
  harness = await import("@/lib/testing/route-harness");
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, ".."));
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

describe("GET /api/health with credentials in LOGS_URL", () => {
  it("reaches the engine with them and shows its URL without them", async () => {
    const caller = await harness.signedInAs("viewer");
    const response = await harness.callRoute(routes.find((route) => route.path === "/api/health")!, "GET", { headers: caller.headers });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ search: { ok: true, url: `${engine.protocol}//${engine.host}/` } });
    expect(text).not.toContain(password);
    expect(text).not.toContain("@");
  });
});
