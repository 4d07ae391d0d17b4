import { expect, type Page } from "@playwright/test";

/** Settings: the log sources list and the source form. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/settings");
  }

  readOnlyNotice() {
    return this.page.getByTestId("read-only-notice");
  }

  fieldset() {
    return this.page.getByTestId("log-settings-fieldset");
  }

  sourceRow(name: string) {
    return this.page.getByTestId("sources-table").locator(`tr[data-source="${name}"]`);
  }

  async addSource(name: string) {
    await this.page.getByRole("button", { name: "Add source" }).click();
    await this.page.getByLabel("Source name").fill(name);
  }

  async editSource(name: string) {
    await this.sourceRow(name).getByRole("button", { name: "Edit" }).click();
  }

  indexPattern() {
    return this.page.getByLabel("Index pattern");
  }

  saveButton() {
    return this.page.getByRole("button", { name: "Save source" });
  }

  /** One mapping input by its label ("Service", "Correlation id fields (comma-separated)"). */
  mappingField(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** A select's label text includes its options, so it is found by role and accessible name. */
  durationUnit() {
    return this.page.getByRole("combobox", { name: "Duration unit" });
  }

  levelScheme() {
    return this.page.getByRole("combobox", { name: "Level scheme" });
  }

  detectButton() {
    return this.page.getByRole("button", { name: "Detect mapping" });
  }

  proposal() {
    return this.page.getByTestId("mapping-proposal");
  }

  proposalRow(concept: string) {
    return this.proposal().locator(`tr[data-concept="${concept}"]`);
  }

  /** Presses Detect for the pattern in the form and waits for the proposal to be shown. */
  async detectMapping(indexPattern: string) {
    await this.indexPattern().fill(indexPattern);
    await this.detectButton().click();
    await expect(this.proposal()).toBeVisible();
  }

  async save() {
    await this.saveButton().click();
    await expect(this.page.getByRole("status").filter({ hasText: /^Saved \S+ \(version \d+\)\.$/ })).toBeVisible();
  }
}
