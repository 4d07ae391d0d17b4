import { expect, type Locator, type Page } from "@playwright/test";

/** The alert pages (list, rule form, rule page) as a user sees them; specs talk to this, not to selectors. */
export class AlertsPage {
  constructor(readonly page: Page) {}

  async openList() {
    await this.page.goto("/alerts");
  }

  async openNew(prefill: Record<string, string> = {}) {
    await this.page.goto(`/alerts/new?${new URLSearchParams(prefill)}`);
  }

  async openEdit(id: string) {
    await this.page.goto(`/alerts/${id}/edit`);
    await expect(this.page.getByTestId("editing-version")).toBeVisible();
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label);
  }

  /** The message under a form field, by its dotted path ("condition.threshold"). */
  fieldError(path: string): Locator {
    return this.page.getByTestId(`error-${path}`);
  }

  async fill(label: string | RegExp, value: string) {
    await this.field(label).fill(value);
  }

  async save(label = "Save rule") {
    await this.page.getByRole("button", { name: label }).click();
  }

  formFailure(): Locator {
    return this.page.getByTestId("form-failure");
  }

  backtestSeries(series: string): Locator {
    return this.page.getByTestId(`backtest-series-${series}`);
  }

  backtestFired(): Locator {
    return this.page.getByTestId("backtest-fired");
  }

  /** The firing spans the backtest drew for a series, as [from, to] ISO pairs. */
  async backtestFiringSpans(series: string): Promise<[string, string][]> {
    return JSON.parse((await this.backtestSeries(series).getAttribute("data-firing-spans")) ?? "[]") as [string, string][];
  }

  ruleRow(name: string): Locator {
    return this.page.getByTestId(`alert-rule-row-${name}`);
  }

  seriesRow(series: string): Locator {
    return this.page.getByTestId(`series-row-${series}`);
  }

  /** The id of the rule whose page is open. */
  ruleIdFromUrl(): string {
    const match = /\/alerts\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!match) throw new Error(`not on a rule page: ${this.page.url()}`);
    return match[1]!;
  }

  async silenceSeries(series: string, duration: "1 hour" | "4 hours" | "24 hours" | "7 days") {
    const row = this.seriesRow(series);
    await row.getByRole("combobox", { name: `Silence ${series} for` }).selectOption({ label: duration });
    await row.getByRole("button", { name: `Silence ${series}` }).click();
  }
}

/** Alerts › Contact points: the list with Send test, and the contact point form. */
export class ContactPointsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/alerts/contact-points");
  }

  async startNew() {
    await this.page.getByRole("button", { name: "Add contact point" }).click();
  }

  field(label: string | RegExp): Locator {
    return this.page.getByRole("form", { name: "Contact point" }).getByLabel(label);
  }

  async save() {
    await this.page.getByRole("button", { name: "Save contact point" }).click();
  }

  row(name: string): Locator {
    return this.page.getByTestId(`contact-point-row-${name}`);
  }

  async sendTest(name: string) {
    await this.row(name).getByRole("button", { name: `Send test to ${name}` }).click();
  }
}
