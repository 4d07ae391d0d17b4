import { expect, type Locator, type Page } from "@playwright/test";

/** One incident's page (/incidents/<id>) and the "Open incident" dialog of a view. */
export class IncidentPage {
  readonly root: Locator;
  readonly status: Locator;
  readonly timeline: Locator;
  readonly summary: Locator;
  readonly errorRatePanel: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("incident");
    this.status = page.getByTestId("incident-status");
    this.timeline = page.getByTestId("incident-timeline");
    this.summary = page.getByTestId("incident-summary");
    this.errorRatePanel = page.getByRole("region", { name: "5xx error rate during the incident" });
  }

  /** From any view: "Open incident", fill the form, and land on the new incident. */
  async openFromView(fields: { title: string; severity: string; services?: string }): Promise<string> {
    await this.page.getByTestId("share-menu").getByRole("button", { name: "Open incident" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Open an incident from this view" });
    await dialog.getByLabel("Title").fill(fields.title);
    await dialog.getByLabel("Severity").selectOption(fields.severity);
    if (fields.services !== undefined) await dialog.getByLabel("Services (comma-separated)").fill(fields.services);
    await dialog.getByRole("button", { name: "Open incident" }).click();
    await this.page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await expect(this.root).toBeVisible();
    return this.page.url().split("/").at(-1)!;
  }

  entries(kind: string): Locator {
    return this.timeline.locator(`li[data-kind="${kind}"]`);
  }

  async addNote(text: string) {
    const form = this.page.getByRole("form", { name: "Add a note" });
    const before = await this.entries("note").count();
    await form.getByLabel(/^Note/).fill(text);
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(this.entries("note")).toHaveCount(before + 1);
  }

  async pinLink(link: string, options: { snapshot?: boolean } = {}) {
    const form = this.page.getByRole("form", { name: "Pin a link" });
    const before = await this.entries("link_pinned").count();
    await form.getByLabel("Share link").fill(link);
    if (options.snapshot) await form.getByLabel(/Keep a snapshot/).check();
    await form.getByRole("button", { name: "Pin" }).click();
    await expect(this.entries("link_pinned")).toHaveCount(before + 1);
  }

  async resolve() {
    await this.page.getByRole("button", { name: "Resolve" }).click();
    await expect(this.status).toHaveText("resolved");
  }

  async copySummary(): Promise<string> {
    await this.page.getByRole("button", { name: "Copy summary" }).click();
    await expect(this.page.getByRole("button", { name: "Copied" })).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
