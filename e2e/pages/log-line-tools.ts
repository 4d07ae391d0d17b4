import { expect, type Locator, type Page } from "@playwright/test";

/** The tools of an expanded log line in any log table (explorer, request drilldown). */
export class LogLineTools {
  readonly panel: Locator;
  readonly anchorRow: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId("surrounding-lines");
    this.anchorRow = this.panel.locator('tr[aria-current="true"]');
  }

  /** Expands the table's first line and returns its engine id. */
  async expandFirstLine(table: Locator): Promise<string> {
    const row = table.locator("tr.log-row").first();
    await row.getByRole("button", { expanded: false }).first().click();
    await expect(row.locator("button.log-row-toggle")).toHaveAttribute("aria-expanded", "true");
    return (await row.getAttribute("data-line-id"))!;
  }

  async showSurroundingLines() {
    await this.page.getByTestId("line-details").getByRole("button", { name: "Surrounding lines" }).click();
    await expect(this.panel).toBeVisible();
  }

  panelRows(): Locator {
    return this.panel.locator("tbody tr");
  }
}
