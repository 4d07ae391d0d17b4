import { expect, test } from "@playwright/test";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { signInAsNewUser } from "./fixtures/sign-in";
import { ExplorerPage } from "./pages/explorer-page";
import { RequestPage } from "./pages/request-page";
import { ShareControls } from "./pages/share-controls";

let seeded: SeededLogs;

test.beforeAll(() => {
  seeded = seedLogs({ lines: 3000, seed: 800_000 + Math.floor(Math.random() * 100_000) });
});
test.afterAll(async () => {
  await seeded?.remove();
});

test("a link made in one browser opens the same lines, range and open line for another user in another", async ({ page, browser }) => {
  await signInAsNewUser(page, "viewer", "/");
  const explorer = new ExplorerPage(page);
  await explorer.open({ from: "now-3h", to: "now", service: "gateway", columns: "url.path", tz: "browser" });
  const openLine = await explorer.expandRow(explorer.rows.nth(2));
  await expect(page).toHaveURL(/[?&]line=/);
  const senderRows = await explorer.rows.evaluateAll((rows) => rows.slice(0, 50).map((row) => row.getAttribute("data-line-id")));
  const link = await new ShareControls(page).share();

  const other = await browser.newContext();
  const reader = await other.newPage();
  await signInAsNewUser(reader, "viewer", new URL(link).pathname);
  const shared = new ShareControls(reader);
  await expect(shared.banner).toContainText("Shared by E2E viewer");
  await expect(shared.banner).toContainText("times frozen at");
  const url = new URL(reader.url());
  expect(url.pathname).toBe("/logs");
  expect(url.searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(Date.now() - Date.parse(url.searchParams.get("to")!)).toBeLessThan(120_000);
  expect(Date.parse(url.searchParams.get("to")!) - Date.parse(url.searchParams.get("from")!)).toBe(3 * 3_600_000);
  expect(url.searchParams.get("service")).toBe("gateway");
  expect(url.searchParams.get("line")).toBe(openLine);

  const readerExplorer = new ExplorerPage(reader);
  await expect(readerExplorer.rows.first()).toBeVisible();
  expect(await readerExplorer.rows.evaluateAll((rows) => rows.slice(0, 50).map((row) => row.getAttribute("data-line-id")))).toEqual(senderRows);
  await expect(readerExplorer.table.locator(`tr[data-line-id="${openLine}"] button.log-row-toggle`)).toHaveAttribute("aria-expanded", "true");
  await expect(reader.locator("thead")).toContainText("url.path");
  await expect(shared.banner).not.toContainText("You changed this view");

  // The sender read browser time; the reader can switch to UTC and back.
  await shared.zoneButton(/^UTC$/).click();
  await expect(reader).not.toHaveURL(/tz=browser/);
  await expect(shared.bannerRange).toContainText("UTC");
  await shared.zoneButton(/^As sent/).click();
  await expect(reader).toHaveURL(/tz=browser/);

  await shared.backToLive();
  await expect(reader).toHaveURL(/from=now-3h/);
  await expect(reader).not.toHaveURL(/shared=/);
  await other.close();
});

test("a drilldown link opens the same request for another user", async ({ page, browser }) => {
  const incident = seeded.truth.incidents.find((candidate) => candidate.id === "payments-provider-timeout")!;
  const facts = incident.timelines.find((timeline) => timeline.services.length >= 3)!;
  await signInAsNewUser(page, "viewer", "/");
  const drilldown = new RequestPage(page);
  await drilldown.open(facts.requestId, `?window=24h`);
  const lanes = await drilldown.laneServices();
  const link = await new ShareControls(page).share();

  const other = await browser.newContext();
  const reader = await other.newPage();
  await signInAsNewUser(reader, "viewer", new URL(link).pathname);
  await expect(new ShareControls(reader).banner).toContainText("Shared by");
  await expect(reader.getByTestId("request-id")).toHaveText(facts.requestId);
  expect(await new RequestPage(reader).laneServices()).toEqual(lanes);
  expect(new URL(reader.url()).searchParams.get("around")).toMatch(/^\d{4}-/);
  await other.close();
});

test("an unknown or deleted link is a 404 page that says so", async ({ page }) => {
  await signInAsNewUser(page, "viewer", "/");
  const response = await page.goto("/s/AAAAAAAAAAAAAAAAAAAAAA");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("share-not-found")).toContainText("This share link does not exist");

  await new ExplorerPage(page).open({ from: "now-1h", to: "now" });
  await page.getByLabel("Link expires").selectOption({ label: "Expires in 7 days" });
  const link = await new ShareControls(page).share();
  await page.goto("/links");
  const row = page.getByTestId("share-links-table").locator("tr", { has: page.locator(`a[href="${new URL(link).pathname}"]`) });
  await expect(row.locator("td").nth(4)).toContainText(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
  expect((await page.goto(new URL(link).pathname))?.status()).toBe(404);
});
