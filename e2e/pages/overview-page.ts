import { expect, type Locator, type Page } from "@playwright/test";

/** The overview as a user sees it; specs talk to this, not to selectors. */
export class OverviewPage {
  readonly chart: Locator;
  readonly serviceTable: Locator;
  readonly healthBanner: Locator;

  constructor(private readonly page: Page) {
    this.chart = page.getByTestId("error-rate-chart");
    this.serviceTable = page.getByTestId("service-error-table");
    this.healthBanner = page.getByTestId("health-banner");
  }

  async open(range: { from: string; to: string } = { from: "now-1h", to: "now" }) {
    await this.page.goto(`/?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`);
  }

  serviceRow(service: string): Locator {
    return this.serviceTable.locator(`tr[data-service="${service}"]`);
  }

  async peakTimeOf(service: string): Promise<string | null> {
    const peak = this.serviceRow(service).getByTestId("peak");
    await expect(peak).toBeVisible();
    return peak.getAttribute("data-peak-time");
  }

  async chartLineFor(service: string): Promise<Locator> {
    // Recharts names each line's legend entry after its series.
    return this.chart.locator(".recharts-legend-item", { hasText: service });
  }
}
