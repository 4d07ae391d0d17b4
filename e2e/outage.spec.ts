import { expect, test } from "@playwright/test";
import { OUTAGE_BASE_URL } from "./fixtures/ports";

// A second app instance whose Postgres and search engine are both unreachable.
test.use({ baseURL: OUTAGE_BASE_URL });

test("the login page names what is down instead of going blank", async ({ page }) => {
  await page.goto("/login");
  const banner = page.getByTestId("health-banner");
  await expect(banner).toContainText("Postgres is down");
  await expect(banner).toContainText("Search engine is down");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a signed-in page explains that nobody can be authenticated while Postgres is down", async ({ page, context }) => {
  await context.addCookies([{ name: "triage_session", value: "any", url: OUTAGE_BASE_URL }]);
  await page.goto("/");
  await expect(page.getByTestId("outage-notice")).toContainText("Postgres is unreachable");
});

test("the API answers 503 with a message naming the outage", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(503);
  expect(await health.json()).toMatchObject({ status: "degraded", postgres: { ok: false }, search: { ok: false } });
  const overview = await request.get("/api/overview/error-rate", { headers: { authorization: "Bearer trg_anything" } });
  expect(overview.status()).toBe(503);
  expect((await overview.json()).error.message).toMatch(/Postgres/);
});
