import type { Locator, Page } from "@playwright/test";

/** The slow-query panel and a fingerprint's page, as a user sees them. */
export class SlowQueriesPage {
  readonly rows: Locator;
  readonly statement: Locator;
  readonly samples: Locator;
  readonly explainPanel: Locator;
  readonly planTree: Locator;
  readonly hints: Locator;
  readonly whatIf: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId("slow-queries").locator("tbody tr");
    this.statement = page.getByTestId("fingerprint-statement");
    this.samples = page.getByTestId("slow-query-samples").locator("tbody tr");
    this.explainPanel = page.getByTestId("explain-panel");
    this.planTree = this.explainPanel.getByTestId("plan-tree").first();
    this.hints = this.explainPanel.getByTestId("index-hint");
    this.whatIf = this.explainPanel.getByTestId("what-if");
  }

  async open(range: { from: string; to: string }, threshold?: number) {
    const params = new URLSearchParams(range);
    if (threshold !== undefined) params.set("threshold", String(threshold));
    await this.page.goto(`/slow-queries?${params.toString()}`);
  }

  statementOf(row: Locator): Locator {
    return row.locator("td").first().getByRole("link");
  }

  async openTopRow() {
    await this.statementOf(this.rows.first()).click();
  }

  async followFirstSampleRequest() {
    await this.samples.first().getByTestId("correlation-id-link").click();
  }

  async explainFirstSample() {
    await this.samples.first().getByRole("button", { name: "Explain" }).click();
    await this.explainPanel.getByRole("button", { name: "Explain", exact: true }).click();
  }

  async tryHypotheticalIndex() {
    await this.hints.first().getByRole("button", { name: "Try hypothetical index" }).click();
  }

  async costs(): Promise<{ before: number; after: number }> {
    const before = Number(await this.whatIf.locator("[data-field=cost-before]").innerText());
    const after = Number(await this.whatIf.locator("[data-field=cost-after]").innerText());
    return { before, after };
  }
}
