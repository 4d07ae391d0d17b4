import { expect, test, type Page } from "@playwright/test";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { createRule } from "./fixtures/alert-rule";
import { signInAsNewUser } from "./fixtures/sign-in";
import { ExplorerPage } from "./pages/explorer-page";
import { OverviewPage } from "./pages/overview-page";

let seeded: SeededLogs;
test.beforeAll(() => {
  seeded = seedLogs({ lines: 2000, seed: 1_000_000 + Math.floor(Math.random() * 100_000) });
});
test.afterAll(async () => {
  await seeded?.remove();
});
test.beforeEach(async ({ page }) => {
  await signInAsNewUser(page, "viewer");
});

const urlRange = (page: Page) => {
  const params = new URL(page.url()).searchParams;
  return { from: Date.parse(params.get("from") ?? ""), to: Date.parse(params.get("to") ?? "") };
};
/** Focus on the page itself, as after a click on empty space: where shortcuts are meant to work. */
const focusPage = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test("in the explorer: ? lists the shortcuts, / focuses the query, j/k/Enter/Esc work the table, and none fires while typing", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ from: seeded.truth.windowStart, to: seeded.truth.anchor });
  await expect(explorer.rows.nth(2)).toBeVisible();

  // ? opens the sheet of this page's shortcuts; Esc closes it.
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText("Focus the query box");
  await expect(sheet).toContainText("Move the selection down / up");
  await expect(sheet).toContainText("Zoom out");
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();

  // Where there is no query box, the sheet does not offer /.
  await page.getByTestId("log-table").getByTestId("correlation-id-link").first().click();
  await expect(page.getByTestId("timeline-lane").first()).toBeVisible();
  await page.keyboard.press("?");
  await expect(sheet).toContainText("Refresh now");
  await expect(sheet).not.toContainText("Focus the query box");
  await page.keyboard.press("Escape");
  await page.goBack();
  await expect(explorer.rows.nth(2)).toBeVisible();
  await expect(sheet).toBeHidden();

  // / focuses the query box; what is typed there is text, not shortcuts.
  await page.keyboard.press("/");
  await expect(explorer.queryInput).toBeFocused();
  const before = page.url();
  await page.keyboard.type("j k [ ] z r ?");
  await expect(explorer.queryInput).toHaveValue("j k [ ] z r ?");
  expect(page.url()).toBe(before);
  await expect(sheet).toBeHidden();
  await expect(explorer.table.locator("tr[data-row-current]")).toHaveCount(0);
  await explorer.queryInput.fill("");

  // j / k move the selection (focused, so the ring shows); Enter opens the row; Esc closes it.
  await focusPage(page);
  await page.keyboard.press("j");
  await expect(explorer.rows.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(explorer.rows.nth(2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(explorer.rows.nth(1)).toBeFocused();
  await expect(explorer.rows.nth(1)).toHaveAttribute("data-row-current", "true");
  expect(await explorer.rows.nth(1).evaluate((row) => getComputedStyle(row).outlineStyle)).toBe("solid");
  const lineId = await explorer.rows.nth(1).getAttribute("data-line-id");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`line=${lineId}`));
  await expect(explorer.details).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/line=/);
  await expect(explorer.details).toBeHidden();
});

test("[ and ] shift the range by its length, z doubles it around its middle, r refreshes now", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  const from = "2026-01-01T10:00:00.000Z";
  const to = "2026-01-01T11:00:00.000Z";
  await explorer.open({ from, to });
  const hour = 3_600_000;

  await page.keyboard.press("[");
  await expect.poll(() => urlRange(page)).toEqual({ from: Date.parse(from) - hour, to: Date.parse(to) - hour });
  await page.keyboard.press("]");
  await expect.poll(() => urlRange(page)).toEqual({ from: Date.parse(from), to: Date.parse(to) });
  await page.keyboard.press("z");
  await expect.poll(() => urlRange(page)).toEqual({ from: Date.parse(from) - hour / 2, to: Date.parse(to) + hour / 2 });

  // Typed into the range's own field, [ is a character.
  await page.getByLabel("From", { exact: true }).press("[");
  await expect.poll(() => urlRange(page)).toEqual({ from: Date.parse(from) - hour / 2, to: Date.parse(to) + hour / 2 });
  await focusPage(page);

  // A live range zoomed out stays live.
  await explorer.open({ from: "now-15m", to: "now" });
  await page.keyboard.press("z");
  await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe("now-30m");
  expect(new URL(page.url()).searchParams.get("to") ?? "now").toBe("now");

  // Once the zoomed view has loaded, r asks again (a fetch still in flight would be joined, not repeated).
  await page.waitForLoadState("networkidle");
  const search = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/logs/search");
  await page.keyboard.press("r");
  await search;
});

test("on the overview, j selects the first service and Enter opens its peak's lines; Tab shows a focus ring", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.open({ from: seeded.truth.windowStart, to: seeded.truth.anchor });
  await overview.waitForData();

  await page.keyboard.press("Tab");
  const first = page.locator(":focus");
  await expect(first).toHaveText("Triage");
  expect(await first.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");
  await focusPage(page);

  const rows = overview.serviceTable.locator("tbody tr[data-row]");
  const withPeak = rows.filter({ has: page.getByRole("link", { name: "lines" }) });
  // Enter opens the peak's lines ([data-row-open]), not the row's first link ("alert on this").
  const index = await rows.evaluateAll((all) => all.findIndex((row) => row.querySelector("[data-row-open]")));
  for (let step = 0; step <= index; step++) await page.keyboard.press("j");
  await expect(withPeak.first()).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/logs");
  await expect(page).toHaveURL(/status=5xx/);
});

test("on /alerts, ? lists the table keys and j then Enter opens the selected rule", async ({ page, browser }) => {
  // An editor makes the rule (a viewer only reads them), in a session of its own.
  const editor = await browser.newContext();
  const editorPage = await editor.newPage();
  await signInAsNewUser(editorPage, "editor");
  await createRule(editorPage);
  await editor.close();

  await page.goto("/alerts");
  const rows = page.getByRole("table", { name: "Alert rules" }).locator("tbody tr[data-row]");
  await expect(rows.first()).toBeVisible();
  await focusPage(page);
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toContainText("Move the selection down / up");
  await expect(sheet).toContainText("Open the selected row");
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();

  await page.keyboard.press("j");
  await expect(rows.first()).toBeFocused();
  const href = await rows.first().getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/alerts\/[0-9a-f-]{36}$/);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === href);
  await expect(page.getByRole("heading", { level: 2, name: "Series" })).toBeVisible();
});
