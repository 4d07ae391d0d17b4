import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E_ENGINE } from "./fixtures/e2e-engine";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { signInAsNewUser } from "./fixtures/sign-in";
import { AlertsPage, ContactPointsPage } from "./pages/alerts-page";
import { IncidentPage } from "./pages/incident-page";

let seeded: SeededLogs;
let worker: ChildProcess | undefined;
const WINDOW_MINUTES = 30;

test.beforeAll(() => {
  seeded = seedLogs({ lines: 4000, seed: 7310 });
});
test.afterAll(async () => {
  worker?.kill("SIGTERM");
  await seeded?.remove();
});

/** The users service's 5xx rate over the last `minutes` of the seeded logs, from the generator's own counts. */
function usersRate(minutes: number): number {
  const since = Date.now() - minutes * 60_000;
  const rows = seeded.truth.perServicePerMinute.filter((row) => row.service === "users" && Date.parse(row.minute) >= since);
  const requests = rows.reduce((sum, row) => sum + row.requestLines, 0);
  return (100 * rows.reduce((sum, row) => sum + row.status5xx, 0)) / requests;
}

/** `npm run worker` against the e2e database and engine, fast ticks, stopped after the spec. */
function startWorker(): ChildProcess {
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "", LOGS_URL: E2E_ENGINE.url, LOGS_USERNAME: E2E_ENGINE.username, LOGS_PASSWORD: E2E_ENGINE.password, LOGS_INDEX: "logs-triage-e2e-*", ALERTS_WORKER_TICK_MS: "500", ALERTS_SETTLE_MS: "0", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

test("an editor creates a rule through the form, fixing field errors, sees the backtest mark the burst, and sees it fire", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsNewUser(page, "editor", "/alerts");
  const alerts = new AlertsPage(page);
  const name = `users 5xx ${crypto.randomUUID().slice(0, 6)}`;
  // Half the burst-inflated rate of the window: the burst crosses it, and the window still holds the burst now.
  const threshold = Math.round(usersRate(WINDOW_MINUTES) * 50) / 100;
  const raised = Number((threshold + 1).toFixed(2));

  // "Alert on this" from the overview opens the form with the service filled in.
  await page.goto("/?from=now-1h&to=now");
  await page.getByTestId("service-error-table").locator('tr[data-service="users"]').getByTestId("alert-on-this").click();
  await page.waitForURL(/\/alerts\/new\?service=users/);
  await expect(alerts.field("Services (comma-separated; empty: all services)")).toHaveValue("users");

  await alerts.fill("Name", name);
  // Wrong on the way: a rate above 100 %, a window shorter than the interval, a broken Lucene query.
  await alerts.fill(/^Threshold/, "150");
  await expect(alerts.fieldError("condition.threshold")).toHaveText(/percentage from 0 to 100/);
  await alerts.fill(/^Window/, "0");
  await expect(alerts.fieldError("condition.windowMinutes")).toHaveText(/at least 1 minute/);
  await alerts.fill("Extra Lucene query every counted line must match", "status:(500");
  await expect(alerts.fieldError("scope.query")).toBeVisible();
  await expect(page.getByTestId("backtest-waiting")).toBeVisible();
  await alerts.save();
  await expect(page).toHaveURL(/\/alerts\/new/);

  await alerts.fill(/^Threshold/, String(threshold));
  await alerts.fill(/^Window/, String(WINDOW_MINUTES));
  await alerts.fill("Extra Lucene query every counted line must match", "");
  await expect(alerts.fieldError("condition.threshold")).toHaveCount(0);
  await expect(alerts.fieldError("condition.windowMinutes")).toHaveCount(0);

  // The backtest replays the last 24 hours (of this rule, not of the defaults first shown) and marks the users burst as firing.
  await expect(page.getByTestId("backtest-result")).toHaveAttribute("data-threshold", String(threshold), { timeout: 60_000 });
  await expect(alerts.backtestSeries("users")).toBeVisible();
  await expect(alerts.backtestFired()).not.toHaveText("0");
  const burst = seeded.truth.incidents.find((incident) => incident.id === "users-null-user-500")!;
  const spans = await alerts.backtestFiringSpans("users");
  expect(spans.some(([from, to]) => Date.parse(from) <= Date.parse(burst.end) + 60_000 && Date.parse(to) >= Date.parse(burst.start))).toBe(true);

  // Raising the threshold above every value changes the count without saving.
  await alerts.fill(/^Threshold/, "99");
  await expect(alerts.backtestFired()).toHaveText("0", { timeout: 30_000 });
  await alerts.fill(/^Threshold/, String(threshold));
  await expect(alerts.backtestFired()).not.toHaveText("0", { timeout: 30_000 });

  await alerts.save();
  await page.waitForURL(/\/alerts\/[0-9a-f-]{36}$/);
  const ruleId = alerts.ruleIdFromUrl();

  // The worker evaluates it in its next cycle; the list shows it firing, above the rest.
  worker = startWorker();
  await expect(async () => {
    await alerts.openList();
    await expect(alerts.ruleRow(name)).toHaveAttribute("data-state", "firing", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole("table", { name: "Alert rules" }).locator("tbody tr").first()).toHaveAttribute("data-state", "firing");

  // Two editors: the second saves first, the first is refused and told what changed.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAsNewUser(otherPage, "editor", "/alerts");
  const otherAlerts = new AlertsPage(otherPage);
  await alerts.openEdit(ruleId);
  await otherAlerts.openEdit(ruleId);
  await otherAlerts.fill(/^Threshold/, String(raised));
  await otherAlerts.save("Save changes");
  await otherPage.waitForURL(new RegExp(`/alerts/${ruleId}$`));
  await alerts.fill("Description", "page the identity team");
  await alerts.save("Save changes");
  await expect(alerts.formFailure()).toContainText("after you opened version 1");
  await expect(alerts.formFailure()).toContainText(`condition.threshold: ${threshold} → ${raised}`);
  await expect(alerts.fieldError("condition.threshold")).toContainText("changed meanwhile");
  await other.close();

  // Silence the firing users series for an hour from the rule page.
  await page.goto(`/alerts/${ruleId}`);
  await expect(alerts.seriesRow("users")).toHaveAttribute("data-status", "firing", { timeout: 30_000 });
  await alerts.silenceSeries("users", "1 hour");
  await expect(alerts.seriesRow("users").getByTestId("silenced-until")).toBeVisible();
  await expect(page.getByTestId("audit-entry").first()).toContainText("silenced");

  // Open an incident from the firing series: its timeline starts with the alert's episode.
  await alerts.seriesRow("users").getByRole("button", { name: "Open incident for users" }).click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  const incident = new IncidentPage(page);
  await expect(incident.root).toBeVisible();
  await expect(incident.entries("alert_transition").last()).toContainText(`alert ${name} (users):`);
  await expect(incident.entries("alert_transition").last()).toContainText("→ firing");
  await expect(incident.entries("link_pinned")).toHaveCount(1);
});

test("a contact point refused by the webhook policy shows the reason on its URL, and Send test reaches a real receiver", async ({ page }) => {
  const received: { signature: string | undefined; body: string }[] = [];
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ signature: request.headers["x-triage-signature"] as string | undefined, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    await signInAsNewUser(page, "editor", "/alerts/contact-points");
    const points = new ContactPointsPage(page);
    const name = `hook ${crypto.randomUUID().slice(0, 6)}`;
    await points.startNew();
    await points.field("Name").fill(name);
    await points.field("URL").fill("ftp://hooks.example.com/x");
    await expect(page.locator("#cp-error-url")).toContainText("must use http or https");
    // Syntax passes, the server's DNS-level policy refuses: its reason lands on the same field.
    await points.field("URL").fill("http://169.254.169.254/latest/meta-data");
    await points.save();
    await expect(page.locator("#cp-error-url")).toContainText(/link-local|metadata/);
    await points.field("URL").fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
    await points.save();
    await expect(points.row(name)).toBeVisible();
    await expect(points.row(name)).toContainText("yes");
    await points.sendTest(name);
    await expect(points.row(name).getByTestId("test-result")).toContainText("Delivered (HTTP 200)");
    expect(received).toHaveLength(1);
    expect(received[0]!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(received[0]!.body).toContain(name);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
