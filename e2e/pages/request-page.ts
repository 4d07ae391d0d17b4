import { expect, type Locator, type Page } from "@playwright/test";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";

/** The request drilldown (/requests/<id>) as a user sees it; specs talk to this, not to selectors. */
export class RequestPage {
  readonly lanes: Locator;
  readonly slowestHop: Locator;
  readonly firstError: Locator;
  readonly stackTrace: Locator;
  readonly curlCommand: Locator;
  readonly emptyState: Locator;
  readonly searchedFields: Locator;
  readonly errorPanel: Locator;
  readonly lineTable: Locator;

  constructor(private readonly page: Page) {
    this.lanes = page.getByTestId("timeline-lane");
    this.slowestHop = page.getByTestId("slowest-hop");
    this.firstError = page.getByTestId("first-error");
    this.stackTrace = this.firstError.getByTestId("stack-trace");
    this.curlCommand = page.getByTestId("curl-command");
    this.emptyState = page.getByTestId("request-empty");
    this.searchedFields = page.getByTestId("searched-fields");
    this.errorPanel = page.getByRole("alert").filter({ has: page.locator("strong") });
    this.lineTable = page.getByTestId("log-table");
  }

  async open(id: string, query = "") {
    await this.page.goto(`/requests/${encodeURIComponent(id)}${query}`);
  }

  /** As an on-call engineer gets here: the log explorer filtered to the id, then a click on the id in the table. */
  async openFromExplorer(id: string, range: { from: string; to: string }) {
    const query = new URLSearchParams({ q: `${ECS_FIELD_MAPPING.correlationIds[0]}:"${id}"`, from: range.from, to: range.to });
    await this.page.goto(`/logs?${query}`);
    await this.page.getByTestId("log-table").getByTestId("correlation-id-link").filter({ hasText: id }).first().click();
    await this.page.waitForURL((url) => url.pathname === `/requests/${encodeURIComponent(id)}`);
  }

  async laneServices(): Promise<string[]> {
    await expect(this.lanes.first()).toBeVisible();
    return this.lanes.evaluateAll((lanes) => lanes.map((lane) => lane.getAttribute("data-service") ?? ""));
  }

  /** Unfolds the stack trace; returns how many frames it now lists. */
  async expandStackTrace(): Promise<number> {
    const button = this.stackTrace.getByRole("button", { name: /^Show all \d+ frames$/ });
    const total = Number(/\d+/.exec((await button.textContent()) ?? "")?.[0]);
    await button.click();
    await expect(this.stackTrace.locator("li")).toHaveCount(total);
    return total;
  }

  /** Clicks the copy button and reads back what landed on the clipboard. */
  async copyCurlCommand(): Promise<string> {
    await this.page.getByRole("button", { name: "Copy curl command" }).click();
    await expect(this.page.getByRole("button", { name: "Copied" })).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  widenButton(label: string): Locator {
    return this.page.getByRole("button", { name: label });
  }
}
