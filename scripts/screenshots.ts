// `npm run screenshots`: PNGs of the main views for the README, taken from the demo in Chromium.
// Uses the demo at SCREENSHOTS_URL (default http://localhost:3000) when it answers; otherwise starts
// `npm run demo`'s script on that port for the duration and stops it after. Sign-in: the demo admin
// (TRIAGE_ADMIN_EMAIL / TRIAGE_ADMIN_PASSWORD, the demo's defaults when unset).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { startChild, stopChildren, waitForLine } from "./lib/child-processes";

const root = path.resolve(import.meta.dirname, "..");
const OUT_DIR = path.join(root, "docs", "screenshots");
const BASE = new URL(process.env.SCREENSHOTS_URL ?? "http://localhost:3000");
const ADMIN = { email: process.env.TRIAGE_ADMIN_EMAIL ?? "admin@triage.local", password: process.env.TRIAGE_ADMIN_PASSWORD ?? "triage-demo-admin" };
// Debian's Chromium, as the e2e tests use.
const CHROMIUM = "/usr/bin/chromium";
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function answers(url: URL): Promise<boolean> {
  try {
    return (await fetch(new URL("/api/health", url), { signal: AbortSignal.timeout(3_000) })).status < 500;
  } catch {
    return false;
  }
}

async function startDemo(): Promise<void> {
  console.log(`==> ${BASE.origin} does not answer: starting the demo on port ${BASE.port || 3000} (stopped when done)`);
  const demo = startChild("demo", path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/run-demo.ts"], { ...process.env, PORT: BASE.port || "3000" });
  await waitForLine(demo, /Triage is up/, 15 * 60_000);
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // Charts load after the page (lazy Recharts) and draw on the next frame.
  await page.waitForTimeout(300);
}

async function shoot(page: Page, name: string) {
  const file = path.join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${path.relative(root, file)}`);
}

async function takeScreenshots() {
  await mkdir(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (const theme of ["dark", "light"] as const) {
      const context = await browser.newContext({ baseURL: BASE.origin, viewport: LAPTOP, colorScheme: theme });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("Email").fill(ADMIN.email);
      await page.getByLabel("Password").fill(ADMIN.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      // A fresh account follows the system theme; the demo admin may have chosen one: use the system's here.
      await page.getByLabel("Theme").selectOption("system");

      await page.goto("/?from=now-1h&to=now");
      await page.getByTestId("error-rate-chart").waitFor();
      await settle(page);
      await shoot(page, `overview-${theme}`);
      if (theme === "light") continue;

      await page.goto(`/logs?from=now-1h&to=now&q=${encodeURIComponent('log.level:"ERROR"')}`);
      // A line that names its request, to open the drilldown from.
      const row = page.getByTestId("log-table").locator("tr.log-row").filter({ has: page.getByTestId("correlation-id-link") }).first();
      await row.getByRole("button", { expanded: false }).first().click();
      await page.getByTestId("line-details").waitFor();
      await settle(page);
      await shoot(page, "explorer");

      await page.keyboard.press("?");
      const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await sheet.waitFor();
      await shoot(page, "shortcuts");
      await page.keyboard.press("Escape");
      await sheet.waitFor({ state: "hidden" });

      await row.getByTestId("correlation-id-link").click();
      await page.getByTestId("timeline-lane").first().waitFor();
      await settle(page);
      await shoot(page, "request-drilldown");

      await page.setViewportSize(PHONE);
      await page.goto("/?from=now-1h&to=now");
      await page.getByTestId("error-rate-chart").waitFor();
      await settle(page);
      await shoot(page, "overview-phone");
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  const started = !(await answers(BASE));
  if (started) await startDemo();
  try {
    console.log(`==> Screenshots of ${BASE.origin} into ${path.relative(root, OUT_DIR)}/`);
    await takeScreenshots();
  } finally {
    if (started) await stopChildren();
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`!! ${(error as Error).message}`);
    await stopChildren();
    process.exit(1);
  },
);
