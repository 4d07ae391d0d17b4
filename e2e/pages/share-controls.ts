import { expect, type Locator, type Page } from "@playwright/test";

/** The Share menu every view has, and the banner a shared view shows. */
export class ShareControls {
  readonly menu: Locator;
  readonly banner: Locator;
  readonly bannerRange: Locator;

  constructor(readonly page: Page) {
    this.menu = page.getByTestId("share-menu");
    this.banner = page.getByTestId("shared-banner");
    this.bannerRange = page.getByTestId("shared-range");
  }

  /** Clicks Share (or Share with snapshot) and returns the short link it shows. */
  async share(options: { snapshot?: boolean } = {}): Promise<string> {
    await this.menu.getByRole("button", { name: options.snapshot ? "Share with snapshot" : "Share", exact: true }).click();
    const link = this.menu.getByTestId("short-link");
    await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
    return link.inputValue();
  }

  async backToLive() {
    await this.banner.getByRole("link", { name: /^Back to live/ }).click();
    await expect(this.banner).toBeHidden();
  }

  zoneButton(name: RegExp): Locator {
    return this.banner.getByRole("group", { name: /Time zone of this/ }).getByRole("button", { name });
  }
}
