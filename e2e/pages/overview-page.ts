import { expect, type Locator, type Page } from "@playwright/test";

/** The overview as a user sees it; specs talk to this, not to selectors. */
export class OverviewPage {
  readonly dashboard: Locator;
  readonly chart: Locator;
  readonly serviceTable: Locator;
  readonly healthBanner: Locator;
  readonly urlStateNotice: Locator;
  readonly topEndpoints: Locator;
  /** Which window the charts show after alignment, and up to when buckets came from the cache. */
  readonly windowNote: Locator;
  /** When the top lists were counted ("Exact as of …"). */
  readonly topListsAsOf: Locator;

  constructor(readonly page: Page) {
    this.dashboard = page.getByTestId("overview");
    this.chart = page.getByTestId("error-rate-chart");
    this.serviceTable = page.getByTestId("service-error-table");
    this.healthBanner = page.getByTestId("health-banner");
    this.urlStateNotice = page.getByTestId("url-state-notice");
    this.topEndpoints = page.getByTestId("top-endpoints");
    this.windowNote = page.getByTestId("view-window");
    this.topListsAsOf = page.getByTestId("top-lists-as-of");
  }

  async open(range: { from: string; to: string } = { from: "now-1h", to: "now" }) {
    await this.page.goto(`/?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`);
  }

  /** Waits until the panels show the answer for the URL's range (not a previous one still on screen). */
  async waitForData() {
    await expect(this.dashboard).toHaveAttribute("data-range-from", /\d{4}-/);
    await expect(this.dashboard).toHaveAttribute("aria-busy", "false");
    const { from, to } = this.urlRange();
    if (isIso(from)) await expect(this.dashboard).toHaveAttribute("data-range-from", new Date(from).toISOString());
    if (isIso(to)) await expect(this.dashboard).toHaveAttribute("data-range-to", new Date(to).toISOString());
  }

  urlRange(): { from: string; to: string } {
    const params = new URL(this.page.url()).searchParams;
    return { from: params.get("from") ?? "", to: params.get("to") ?? "" };
  }

  serviceRow(service: string): Locator {
    return this.serviceTable.locator(`tr[data-service="${service}"]`);
  }

  async peakTimeOf(service: string): Promise<string | null> {
    const peak = this.serviceRow(service).getByTestId("peak");
    await expect(peak).toBeVisible();
    return peak.getAttribute("data-peak-time");
  }

  async serverErrorsOf(service: string): Promise<number> {
    const cell = this.serviceRow(service).locator('[data-field="serverErrors"]');
    await expect(cell).toBeVisible();
    return Number((await cell.innerText()).replace(/,/g, ""));
  }

  async chartLineFor(service: string): Promise<Locator> {
    // Recharts names each line's legend entry after its series.
    return this.chart.locator(".recharts-legend-item", { hasText: service });
  }

  /** Presses on the error-rate chart at one fraction of its plot width and releases at another. */
  async dragAcrossChart(startFraction: number, endFraction: number) {
    const box = await this.chart.locator(".recharts-cartesian-grid").boundingBox();
    if (!box) throw new Error("the error-rate chart has no plot area");
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * startFraction, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * endFraction, y, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Clicks the tallest bar segment of one status class in a service's chart; returns its bucket start (epoch ms). */
  async clickTallestBar(service: string, statusClass: "2xx" | "3xx" | "4xx" | "5xx"): Promise<number> {
    const bars = this.page.locator(`.ov-small-multiple[data-service="${service}"] rect[data-status-class="${statusClass}"]`);
    await expect(bars.first()).toBeAttached();
    const counts = await bars.evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute("data-count"))));
    const tallest = counts.indexOf(Math.max(...counts));
    const bar = bars.nth(tallest);
    const time = Number(await bar.getAttribute("data-time"));
    await bar.click();
    return time;
  }

  /** Clicks "Copy link" and reads the clipboard (the context must grant clipboard permissions). */
  async copyLink(): Promise<string> {
    await this.page.getByRole("button", { name: "Copy link" }).click();
    await expect(this.page.getByText("Link copied")).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

function isIso(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(value);
}
