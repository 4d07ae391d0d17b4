import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiRoute } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";

// The theme a user picks is kept in Postgres and mirrored in a cookie, here and at the next sign-in.
let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let db: ReturnType<typeof import("@/lib/server/db").getDb>;

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_theme");
  harness = await import("@/lib/testing/route-harness");
  db = (await import("@/lib/server/db")).getDb();
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, ".."));
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

const route = (urlPath: string) => routes.find((candidate) => candidate.path === urlPath)!;
const themeCookie = (response: Response) => response.headers.getSetCookie().find((cookie) => cookie.startsWith("triage_theme="));

describe("PUT /api/me/theme", () => {
  it("stores the choice on the user and sets the cookie the server renders from", async () => {
    const caller = await harness.signedInAs("viewer", "theme");
    expect((await db.user.findUniqueOrThrow({ where: { id: caller.userId } })).theme).toBe("system");
    const response = await harness.callRoute(route("/api/me/theme"), "PUT", { headers: caller.headers, body: { theme: "light" } });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ theme: "light" });
    expect(themeCookie(response)).toMatch(/^triage_theme=light;.*Path=\//i);
    expect((await db.user.findUniqueOrThrow({ where: { id: caller.userId } })).theme).toBe("light");
  });

  it("refuses an unknown theme with a readable 422, leaving the stored one", async () => {
    const caller = await harness.signedInAs("viewer", "theme-bad");
    const response = await harness.callRoute(route("/api/me/theme"), "PUT", { headers: caller.headers, body: { theme: "sepia" } });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/theme must be one of system, light, dark/);
    expect((await db.user.findUniqueOrThrow({ where: { id: caller.userId } })).theme).toBe("system");
  });

  it("is for signed-in users only", async () => {
    const response = await harness.callRoute(route("/api/me/theme"), "PUT", { headers: { origin: harness.TEST_ORIGIN }, body: { theme: "dark" } });
    expect(response.status).toBe(401);
  });
});

describe("signing in", () => {
  it("sets the theme cookie from the user's stored choice, so a new browser renders it at once", async () => {
    const caller = await harness.signedInAs("viewer", "theme-login");
    await db.user.update({ where: { id: caller.userId }, data: { theme: "dark" } });
    const response = await harness.callRoute(route("/api/auth/login"), "POST", { headers: { origin: harness.TEST_ORIGIN }, body: { email: caller.email, password: "correct horse battery" } });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(themeCookie(response)).toMatch(/^triage_theme=dark;/);
  });
});
