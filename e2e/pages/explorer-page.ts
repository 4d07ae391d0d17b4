import { expect, type Locator, type Page } from "@playwright/test";

export type ExplorerParams = Record<string, string | number | string[]>;

/** The log explorer (/logs) as a user sees it; specs talk to this, not to selectors. */
export class ExplorerPage {
  readonly queryInput: Locator;
  readonly queryError: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly lineCount: Locator;
  readonly pageRange: Locator;
  readonly sidebar: Locator;
  readonly details: Locator;
  readonly stackTrace: Locator;

  constructor(private readonly page: Page) {
    this.queryInput = page.getByRole("textbox", { name: "Query", exact: true });
    this.queryError = page.getByTestId("query-error");
    this.table = page.getByTestId("log-table");
    this.rows = this.table.locator("tr.log-row");
    this.lineCount = page.getByTestId("line-count");
    this.pageRange = page.getByTestId("page-range").first();
    this.sidebar = page.getByTestId("field-sidebar");
    this.details = page.getByTestId("line-details");
    this.stackTrace = this.details.getByTestId("stack-trace");
  }

  async open(params: ExplorerParams) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) for (const item of [value].flat()) search.append(key, String(item));
    await this.page.goto(`/logs?${search}`);
    await expect(this.lineCount).toBeVisible();
  }

  async search(query: string) {
    await this.queryInput.fill(query);
    await this.page.getByRole("search", { name: "Log query" }).getByRole("button", { name: "Search" }).click();
  }

  filterChips(filter: "service" | "environment" | "level"): Locator {
    return this.page.getByTestId(`filter-${filter}`);
  }

  statusToggle(statusClass: string): Locator {
    return this.page.getByRole("group", { name: "Status class" }).getByRole("button", { name: statusClass });
  }

  /** Clicks "+" (include) or "−" (exclude) next to a value in the field sidebar. */
  async filterByValue(field: string, value: string, mode: "include" | "exclude" = "include") {
    await this.sidebar.getByRole("button", { name: `${mode === "include" ? "Include" : "Exclude"} ${field}: ${value}` }).click();
  }

  /** Opens a field from "Other fields" to count its values (a second request). */
  async openField(field: string) {
    await this.sidebar.getByLabel("Find a field").fill(field);
    await this.sidebar.getByRole("button", { name: field, exact: true }).click();
    await expect(this.sidebar.locator(`[data-testid="field-values"][data-field="${field}"]`)).toBeVisible();
  }

  async levels(): Promise<string[]> {
    return this.rows.locator("td.level").allTextContents();
  }

  /** Expands a row with the disclosure button on its time. */
  async expandRow(row: Locator): Promise<string> {
    await row.getByRole("button", { expanded: false }).first().click();
    await expect(row.locator("button.log-row-toggle")).toHaveAttribute("aria-expanded", "true");
    return (await row.getAttribute("data-line-id"))!;
  }

  stackFrames(): Locator {
    return this.stackTrace.locator(".stack-frames li");
  }

  async showAllFrames() {
    await this.stackTrace.getByRole("button", { name: /^Show all \d+ frames$/ }).click();
  }

  async firstRowId(): Promise<string> {
    return (await this.rows.first().getAttribute("data-line-id"))!;
  }

  /** Clicks "Next page" and waits until the page range shows the new page. */
  async nextPage() {
    const before = await this.pageRange.textContent();
    await this.page.getByRole("navigation", { name: "Pages" }).first().getByRole("button", { name: "Next page" }).click();
    await expect(this.pageRange).not.toHaveText(before ?? "");
  }
}
