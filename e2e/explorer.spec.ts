import { expect, test } from "@playwright/test";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { ExplorerPage } from "./pages/explorer-page";
import { signInAsNewUser } from "./fixtures/sign-in";

test.beforeEach(async ({ page }) => {
  await signInAsNewUser(page, "viewer");
});

test.describe("the explorer on a demo index", () => {
  let seeded: SeededLogs;
  test.beforeAll(() => {
    seeded = seedLogs({ lines: 4000, seed: 500_000 + Math.floor(Math.random() * 100_000) });
  });
  test.afterAll(async () => {
    await seeded?.remove();
  });
  const range = () => ({ from: seeded.truth.windowStart, to: seeded.truth.anchor });

  test("arriving from the overview, a sidebar value narrows the lines and a stack trace unfolds", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open({ ...range(), service: "users", status: "5xx" });
    await expect(explorer.filterChips("service")).toHaveText(["users×"]);
    await expect(explorer.statusToggle("5xx")).toHaveAttribute("aria-pressed", "true");
    await expect(explorer.lineCount).toHaveText(/^\d[\d,]* of [1-9][\d,]* lines$/);
    expect(new Set(await explorer.rows.locator("td:nth-child(2)").allTextContents())).toEqual(new Set(["users"]));

    // All of the users service's lines, then only its ERROR lines, chosen in the sidebar.
    await explorer.statusToggle("5xx").click();
    await expect(page).not.toHaveURL(/status=/);
    await explorer.filterByValue("log.level", "ERROR");
    await expect(page).toHaveURL(/q=log\.level(:|%3A)%22ERROR%22/);
    await expect.poll(async () => new Set(await explorer.levels())).toEqual(new Set(["ERROR"]));

    // The null-user 500s carry a TypeError with a stack deeper than the folded view shows.
    await explorer.openField("error.type");
    await explorer.filterByValue("error.type", "TypeError");
    await expect(page).toHaveURL(/error\.type(:|%3A)%22TypeError%22/);
    await expect(explorer.rows.first()).toContainText("Cannot read properties of null");
    const lineId = await explorer.expandRow(explorer.rows.first());
    await expect(page).toHaveURL(new RegExp(`line=${lineId}`));
    await expect(explorer.stackFrames()).toHaveCount(5);
    await explorer.showAllFrames();
    expect(await explorer.stackFrames().count()).toBeGreaterThan(5);
    await expect(explorer.stackFrames().first()).toContainText("at ");
  });

  test("a malformed query shows its error and column under the box", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open({ ...range(), q: `_index:${seeded.index}` });
    await explorer.search("status:(500 OR");
    await expect(explorer.queryError).toContainText('"(" is never closed (column 8)');
    await expect(explorer.queryError).toHaveAttribute("data-column", "8");

    // A misspelt field parses, but the server knows the index has no such field.
    await explorer.search("servce.name:users");
    await expect(explorer.queryError).toContainText("unknown field servce.name (column 1)");
    await expect(explorer.queryInput).toHaveAttribute("aria-invalid", "true");
  });
});

test.describe("the explorer on a large index", () => {
  let seeded: SeededLogs;
  test.beforeAll(() => {
    // Enough lines that page 21 is always full, even when page 1 ends early.
    seeded = seedLogs({ lines: 11_000, seed: 600_000 + Math.floor(Math.random() * 100_000) });
  });
  test.afterAll(async () => {
    await seeded?.remove();
  });

  test("pages past 10,000 lines with exact counts", async ({ page }) => {
    test.setTimeout(180_000);
    const total = seeded.truth.totals.lines.toLocaleString("en-US");
    const explorer = new ExplorerPage(page);
    await explorer.open({ from: seeded.truth.windowStart, to: seeded.truth.anchor, size: 500, q: `_index:${seeded.index}` });
    // Up to 500: a run of lines sharing the page's last timestamp moves whole to page 2.
    await expect(explorer.lineCount).toHaveText(new RegExp(`^\\d{3} of ${total} lines$`));

    let previousFirst = "";
    for (let page = 2; page <= 21; page++) {
      if (page === 21) previousFirst = await explorer.firstRowId();
      await explorer.nextPage();
      await expect(explorer.pageRange).toContainText(`· page ${page}`);
    }
    // Page 1 may end early (a run of equal timestamps moves to page 2), so page 21 ends past line 10,000.
    const [, first, last] = /^Lines ([\d,]+)–([\d,]+) of /.exec((await explorer.pageRange.textContent()) ?? "") ?? [];
    const number = (text?: string) => Number(text?.replace(/,/g, ""));
    expect(number(last) - number(first)).toBe(499);
    expect(number(last)).toBeGreaterThan(10_000);
    await expect(explorer.pageRange).toHaveText(new RegExp(` of ${total} · page 21$`));
    await expect(explorer.lineCount).toHaveText(`500 of ${total} lines`);
    expect(await explorer.firstRowId()).not.toBe(previousFirst);
    await expect(page).toHaveURL(/cursor=/);
  });
});
