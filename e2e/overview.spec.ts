import { expect, test, type Page } from "@playwright/test";
import { peakMinute, seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { OverviewPage } from "./pages/overview-page";
import { signInAsNewUser } from "./fixtures/sign-in";

let seeded: SeededLogs;

test.beforeAll(() => {
  seeded = seedLogs({ lines: 4000, seed: 2024 });
});
test.afterAll(async () => {
  await seeded?.remove();
});

async function signIn(page: Page, next = "/") {
  await signInAsNewUser(page, "viewer", next);
  return new OverviewPage(page);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

test("the users-service 500 burst shows in the overview at the minute the generator placed it", async ({ page }) => {
  const overview = await signIn(page);
  await overview.open({ from: "now-1h", to: "now" });
  await expect(overview.chart).toBeVisible();
  await expect(await overview.chartLineFor("users")).toBeVisible();
  expect(await overview.peakTimeOf("users")).toBe(peakMinute(seeded.truth, "users"));
  const burst = seeded.truth.incidents.find((incident) => incident.id === "users-null-user-500")!;
  const peak = Date.parse((await overview.peakTimeOf("users"))!);
  expect(peak).toBeGreaterThanOrEqual(Date.parse(burst.start) - 60_000);
  expect(peak).toBeLessThan(Date.parse(burst.end));
  await expect(overview.topEndpoints.locator("tr", { hasText: "/users/{id}" }).first()).toBeVisible();
});

test("the time range lives in the URL and a bad one gets a readable message", async ({ page }) => {
  const overview = await signIn(page);
  await page.getByLabel("Quick range").selectOption("now-15m");
  await expect(page).toHaveURL(/from=now-15m/);
  await overview.open({ from: "now", to: "now-1h" });
  await expect(page.getByRole("alert").filter({ hasText: "must be before" })).toBeVisible();
});

test("dragging across the chart zooms into an absolute, narrower range that still shows numbers", async ({ page }) => {
  const overview = await signIn(page);
  await overview.open({ from: "now-1h", to: "now" });
  await overview.waitForData();
  await overview.dragAcrossChart(0.3, 0.6);
  await expect.poll(() => overview.urlRange().from).toMatch(ISO);
  const { from, to } = overview.urlRange();
  expect(to).toMatch(ISO);
  const span = Date.parse(to) - Date.parse(from);
  expect(span).toBeGreaterThan(5 * 60_000);
  expect(span).toBeLessThan(30 * 60_000);
  await overview.waitForData();
  await expect(overview.serviceRow("gateway").locator('[data-field="requests"]')).toHaveText(/^[1-9][\d,]*$/);
  await page.goBack();
  await expect.poll(() => overview.urlRange().from).toBe("now-1h");
});

test("clicking a users 5xx bar opens the log explorer on that bucket, service and status class", async ({ page }) => {
  const overview = await signIn(page);
  await overview.open({ from: "now-1h", to: "now" });
  await overview.waitForData();
  const bucket = await overview.clickTallestBar("users", "5xx");
  await page.waitForURL((url) => url.pathname === "/logs");
  const params = new URL(page.url()).searchParams;
  expect(Object.fromEntries(params)).toEqual({
    from: new Date(bucket).toISOString(),
    to: new Date(bucket + 60_000).toISOString(),
    service: "users",
    status: "5xx",
  });
  expect(new Date(bucket).toISOString()).toBe(peakMinute(seeded.truth, "users"));
  await expect(page).toHaveTitle(/Logs/);
});

test("a copied link freezes the range and shows a colleague the same minutes and numbers", async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const overview = await signIn(await context.newPage());
  await overview.open({ from: "now-1h", to: "now" });
  await overview.waitForData();

  // A relative view is copied as absolute time: one hour ending about now.
  const relative = new URL(await overview.copyLink());
  const frozen = { from: relative.searchParams.get("from")!, to: relative.searchParams.get("to")! };
  expect(frozen.from).toMatch(ISO);
  expect(Date.parse(frozen.to) - Date.parse(frozen.from)).toBe(3_600_000);
  expect(Math.abs(Date.parse(frozen.to) - Date.now())).toBeLessThan(60_000);

  // Zoomed onto the burst, the numbers on screen belong to an absolute range the link carries as is.
  await overview.dragAcrossChart(0.2, 0.8);
  await expect.poll(() => overview.urlRange().from).toMatch(ISO);
  await overview.waitForData();
  const mine = { range: overview.urlRange(), users5xx: await overview.serverErrorsOf("users") };
  const link = await overview.copyLink();
  expect(Object.fromEntries(new URL(link).searchParams)).toMatchObject(mine.range);

  const colleagueContext = await browser.newContext();
  const colleague = await signIn(await colleagueContext.newPage());
  await colleague.page.goto(link);
  await colleague.waitForData();
  expect(colleague.urlRange()).toEqual(mine.range);
  expect(await colleague.serverErrorsOf("users")).toBe(mine.users5xx);
  const truth = seeded.truth.perServicePerMinute
    .filter((row) => row.service === "users" && row.minute >= new Date(mine.range.from).toISOString() && row.minute < new Date(mine.range.to).toISOString())
    .reduce((sum, row) => sum + row.status5xx, 0);
  expect(mine.users5xx).toBeGreaterThanOrEqual(truth);
  expect(truth).toBeGreaterThan(0);
  await colleagueContext.close();
  await context.close();
});

test("a hand-edited URL shows a notice and the default view instead of breaking", async ({ page }) => {
  const overview = await signIn(page);
  await page.goto("/?from=garbage&refresh=7s");
  await expect(overview.urlStateNotice).toContainText('Some settings in this link could not be read (from "garbage", refresh "7s"); defaults are shown.');
  await expect(page.getByLabel("Quick range")).toHaveValue("now-1h");
  await expect(page.getByLabel("Auto-refresh")).toHaveValue("off");
  await overview.waitForData();
  await expect(overview.chart).toBeVisible();
  await page.getByRole("button", { name: "Remove them from the link" }).click();
  await expect(overview.urlStateNotice).toBeHidden();
  expect(page.url()).not.toContain("garbage");
});

test("auto-refresh polls at the chosen interval and pauses while the tab is hidden", async ({ page }) => {
  const overview = await signIn(page);
  let calls = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/overview") calls += 1;
  });
  await page.goto("/?from=now-15m&to=now&refresh=5s");
  await overview.waitForData();
  await expect.poll(() => calls, { timeout: 14_000 }).toBeGreaterThanOrEqual(3);
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  const hiddenAt = calls;
  await page.waitForTimeout(11_000);
  expect(calls - hiddenAt).toBeLessThanOrEqual(1);
});

test("a relative range is aligned to the bucket grid, and the top lists say when they were counted", async ({ page }) => {
  const overview = await signIn(page);
  await overview.open({ from: "now-1h", to: "now" });
  await expect(overview.windowNote).toContainText("aligned to 1m buckets");
  await expect(overview.dashboard).toHaveAttribute("data-range-to", /T\d{2}:\d{2}:00\.000Z$/);
  await expect(overview.topListsAsOf.first()).toContainText(/Exact as of \d{2}:\d{2}:\d{2}, over /);
  const to = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000 + 7_000).toISOString();
  await overview.open({ from: new Date(Date.parse(to) - 3_600_000).toISOString(), to });
  await expect(overview.windowNote).toContainText("as given");
  await expect(overview.dashboard).toHaveAttribute("data-range-to", to);
});
