import { expect, test } from "@playwright/test";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { signInAsNewUser } from "./fixtures/sign-in";
import { ensureE2eTargetDatabase } from "./fixtures/target-database";
import { AlertsPage } from "./pages/alerts-page";
import { ShareControls } from "./pages/share-controls";
import { SlowQueriesPage } from "./pages/slow-queries-page";

const ORDERS = "SELECT * FROM orders WHERE user_id = $1 AND status = $2 ORDER BY created_at DESC";
let seeded: SeededLogs;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  seeded = seedLogs({ lines: 6000, seed: 800_000 + Math.floor(Math.random() * 100_000) });
  await ensureE2eTargetDatabase();
});
test.afterAll(async () => {
  await seeded?.remove();
});

test("the orders query tops the panel by total time; its page links to a request and back, explains and tries a hypothetical index", async ({ page }) => {
  await signInAsNewUser(page, "viewer");
  const panel = new SlowQueriesPage(page);
  await panel.open({ from: seeded.truth.windowStart, to: seeded.truth.anchor });
  await expect(panel.statementOf(panel.rows.first())).toHaveText(ORDERS);

  await panel.openTopRow();
  await expect(page).toHaveURL(/\/slow-queries\/[0-9a-f]{16}\?/);
  const fingerprintPath = new URL(page.url()).pathname;
  await expect(panel.statement).toHaveText(ORDERS);
  await expect(panel.samples.first()).toBeVisible();

  // A sample's correlation id opens its request, whose SQL list links back to this fingerprint.
  await panel.followFirstSampleRequest();
  await expect(page).toHaveURL(/\/requests\//);
  const statements = page.getByTestId("request-statements");
  await statements.getByRole("link", { name: ORDERS }).click();
  await expect(page).toHaveURL(new RegExp(`${fingerprintPath}\\?`));
  await expect(panel.statement).toHaveText(ORDERS);

  await panel.explainFirstSample();
  await expect(panel.planTree.locator("[data-node-type='Seq Scan']")).toContainText("orders");
  await expect(panel.hints.first()).toContainText("CREATE INDEX CONCURRENTLY orders_user_id_status_created_at_idx ON orders (user_id, status, created_at);");
  await panel.tryHypotheticalIndex();
  await expect(panel.whatIf).toContainText("the planner uses it");
  const { before, after } = await panel.costs();
  expect(after).toBeLessThan(before);
});

test("a threshold out of range is refused with a readable message, and the overview shows the top statements", async ({ page }) => {
  await signInAsNewUser(page, "viewer");
  const response = await page.request.get(`/api/slow-queries?threshold=0`);
  expect(response.status()).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/threshold is at least 1 ms/);

  await page.goto(`/?${new URLSearchParams({ from: seeded.truth.windowStart, to: seeded.truth.anchor }).toString()}`);
  const card = page.getByTestId("slow-queries-card");
  await expect(card.locator("tbody tr").first().getByRole("link")).toHaveText(ORDERS);
});

test("a fingerprint's page is shared with its range and threshold, and 'Alert on this' previews a slow-statements rule for it", async ({ page, browser }) => {
  await signInAsNewUser(page, "editor");
  const panel = new SlowQueriesPage(page);
  await panel.open({ from: seeded.truth.windowStart, to: seeded.truth.anchor });
  await panel.openTopRow();
  await expect(panel.statement).toHaveText(ORDERS);
  const fingerprintPath = new URL(page.url()).pathname;
  const link = await new ShareControls(page).share();

  const other = await browser.newContext();
  const reader = await other.newPage();
  await signInAsNewUser(reader, "viewer", new URL(link).pathname);
  await expect(new ShareControls(reader).banner).toContainText("Shared by");
  await expect(reader).toHaveURL(new RegExp(`${fingerprintPath}\\?`));
  await expect(new SlowQueriesPage(reader).statement).toHaveText(ORDERS);
  expect(new URL(reader.url()).searchParams.get("from")).toBe(seeded.truth.windowStart);
  await other.close();

  await page.getByRole("link", { name: "Alert on this" }).click();
  await expect(page).toHaveURL(/\/alerts\/new\?measure=slow_statements&fingerprint=[0-9a-f]{16}/);
  const form = new AlertsPage(page);
  await expect(form.field(/Statement fingerprint/)).toHaveValue(fingerprintPath.split("/")[2]!);
  await form.fill("Name", "slow orders query");
  await expect(form.backtestSeries("orders")).toBeVisible();
});
