import type { Page } from "@playwright/test";

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

  indexPattern() {
    return this.page.getByLabel("Index pattern");
  }

  saveButton() {
    return this.page.getByRole("button", { name: "Save settings" });
  }
}
