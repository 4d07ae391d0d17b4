import { expect, test } from "@playwright/test";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { RequestPage } from "./pages/request-page";
import { signInAsNewUser } from "./fixtures/sign-in";

let seeded: SeededLogs;

test.beforeAll(() => {
  // Request ids follow from the seed: a seed of this run's own keeps them unique among e2e indices.
  seeded = seedLogs({ lines: 6000, seed: 700_000 + Math.floor(Math.random() * 100_000) });
});
test.afterAll(async () => {
  await seeded?.remove();
});

test.beforeEach(async ({ page }) => {
  await signInAsNewUser(page, "viewer");
});

test("from the explorer, a payment-timeout request shows its lanes, payments as the slowest hop, its stack and a safe curl", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const incident = seeded.truth.incidents.find((candidate) => candidate.id === "payments-provider-timeout")!;
  const facts = incident.timelines.find((t) => t.services.join() === "gateway,auth,orders,payments" && t.firstError?.service === "payments");
  expect(facts, "the seeded run has a checkout that timed out in payments").toBeDefined();
  const requestId = facts!.requestId;

  const drilldown = new RequestPage(page);
  await drilldown.openFromExplorer(requestId, { from: seeded.truth.windowStart, to: seeded.truth.anchor });
  // The explorer's link carries the line's time, user and endpoint: the page needs one engine round trip.
  await expect(page).toHaveURL(/[?&]around=.*&user=.*&method=POST&path=/);

  expect(await drilldown.laneServices()).toEqual(["gateway", "auth", "orders", "payments"]);
  await expect(drilldown.slowestHop).toHaveAttribute("data-service", "payments");
  await expect(drilldown.slowestHop).toContainText(/payments: 2\.0 s of 2\.\d s, \d+%/);
  expect(Number(await drilldown.slowestHop.getAttribute("data-duration-ms"))).toBeCloseTo(facts!.durationMsByService.payments!, 6);

  await expect(drilldown.firstError).toContainText("PaymentProviderTimeout");
  await expect(drilldown.firstError.getByTestId("error-hop")).toContainText("/payments/charge");
  await expect(drilldown.firstError.getByTestId("error-hop")).toContainText("504");
  expect(await drilldown.expandStackTrace()).toBeGreaterThan(5);
  await expect(drilldown.stackTrace.locator("li[data-app-frame=true]").first()).toBeVisible();

  const curl = await drilldown.copyCurlCommand();
  expect(curl).toContain(`X-Request-ID: ${requestId}`);
  expect(curl).toMatch(/^curl -X POST 'https?:\/\//);
  expect(curl).not.toMatch(/Authorization|Bearer|Cookie/i);
  await expect(drilldown.lineTable.locator("tr.log-row")).toHaveCount(facts!.lineCount);
});

test("an unknown id shows which fields were searched and offers a wider window", async ({ page }) => {
  const drilldown = new RequestPage(page);
  await drilldown.open(`req-unknown-${crypto.randomUUID()}`, `?around=${encodeURIComponent(seeded.truth.anchor)}`);
  await expect(drilldown.emptyState).toContainText("No log line carries this ID");
  for (const field of ["http.request.id", "trace.id", "transaction.id"]) await expect(drilldown.searchedFields).toContainText(field);
  await drilldown.widenButton("Widen to ±24 h").click();
  await expect(page).toHaveURL(/window=24h/);
  await expect(drilldown.emptyState).toContainText("Searched ±24 h");
  await expect(drilldown.widenButton("Widen to ±7 d")).toBeVisible();
});

test("a bad id gets the API's 400 message, not a blank page", async ({ page }) => {
  const drilldown = new RequestPage(page);
  await drilldown.open("x".repeat(300));
  await expect(drilldown.errorPanel).toContainText("This request ID cannot be looked up");
  await expect(drilldown.errorPanel).toContainText("too long: 300 characters, at most 256");
  await page.goto(`/requests/${encodeURIComponent("req-1\u0007bell")}`);
  await expect(drilldown.errorPanel).toContainText("control character (U+0007");
  await expect(page.getByTestId("request-id")).toHaveText("req-1\u0007bell");
});

test("the API decodes the id once: an encoded slash is part of the id, an encoded control character is refused", async ({ page }) => {
  const refused = await page.request.get(`/api/requests/${encodeURIComponent("req-1\u0007bell")}`);
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toMatch(/control character \(U\+0007/);
  const slashed = await page.request.get(`/api/requests/${encodeURIComponent("tenant/req-%41")}?window=24h`);
  expect(slashed.status()).toBe(200);
  expect((await slashed.json()).id).toBe("tenant/req-%41");
});
