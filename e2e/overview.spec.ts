import { expect, test } from "@playwright/test";
import { peakMinute, seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { createUser } from "./fixtures/users";
import { LoginPage } from "./pages/login-page";
import { OverviewPage } from "./pages/overview-page";

let seeded: SeededLogs;

test.beforeAll(() => {
  seeded = seedLogs({ lines: 4000, seed: 2024 });
});
test.afterAll(async () => {
  await seeded?.remove();
});

test("the users-service 500 burst shows in the overview at the minute the generator placed it", async ({ page }) => {
  const viewer = await createUser("viewer");
  await page.goto("/login");
  await new LoginPage(page).signInAndWait(viewer.email, viewer.password);
  const overview = new OverviewPage(page);
  await overview.open({ from: "now-1h", to: "now" });
  await expect(overview.chart).toBeVisible();
  await expect(await overview.chartLineFor("users")).toBeVisible();
  expect(await overview.peakTimeOf("users")).toBe(peakMinute(seeded.truth, "users"));
  const burst = seeded.truth.incidents.find((incident) => incident.id === "users-null-user-500")!;
  const peak = Date.parse((await overview.peakTimeOf("users"))!);
  expect(peak).toBeGreaterThanOrEqual(Date.parse(burst.start) - 60_000);
  expect(peak).toBeLessThan(Date.parse(burst.end));
});

test("the time range lives in the URL and a bad one gets a readable message", async ({ page }) => {
  const viewer = await createUser("viewer");
  await page.goto("/login?next=/");
  await new LoginPage(page).signInAndWait(viewer.email, viewer.password);
  const overview = new OverviewPage(page);
  await page.getByLabel("Quick range").selectOption("now-15m");
  await expect(page).toHaveURL(/from=now-15m/);
  await overview.open({ from: "now", to: "now-1h" });
  await expect(page.getByRole("alert").filter({ hasText: "must be before" })).toBeVisible();
});
