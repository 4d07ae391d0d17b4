import { expect, test } from "@playwright/test";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { signInAsNewUser } from "./fixtures/sign-in";
import { IncidentPage } from "./pages/incident-page";
import { OverviewPage } from "./pages/overview-page";

let seeded: SeededLogs;

test.beforeAll(() => {
  seeded = seedLogs({ lines: 3000, seed: 900_000 + Math.floor(Math.random() * 100_000) });
});
test.afterAll(async () => {
  await seeded?.remove();
});

test("open an incident from the overview, note it safely, pin a snapshot, resolve it and copy its summary", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAsNewUser(page, "editor", "/");
  const overview = new OverviewPage(page);
  await overview.open({ from: seeded.truth.windowStart, to: seeded.truth.anchor });
  await overview.waitForData();

  const title = `Users 500s ${crypto.randomUUID().slice(0, 6)}`;
  const incident = new IncidentPage(page);
  await incident.openFromView({ title, severity: "sev2", services: "users, gateway" });
  await expect(incident.status).toHaveText("investigating");
  await expect(incident.entries("link_pinned")).toHaveCount(1);
  await expect(incident.errorRatePanel.getByTestId("error-rate-chart")).toBeVisible();

  await page.evaluate(() => { (window as unknown as { pwned?: number }).pwned = 0; });
  await incident.addNote("**Rolled back** v42 <script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> [x](javascript:window.pwned=3)");
  const note = incident.entries("note").first();
  await expect(note.locator(".markdown-note strong")).toHaveText("Rolled back");
  await expect(note.locator("script, img, iframe")).toHaveCount(0);
  expect((await note.locator(".markdown-note a").getAttribute("href")) ?? "").not.toMatch(/javascript/i);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBe(0);

  // Pin a snapshot of the view the incident was opened from.
  const pinnedHref = await incident.entries("link_pinned").first().getByRole("link").getAttribute("href");
  await incident.pinLink(new URL(pinnedHref!, page.url()).toString(), { snapshot: true });
  await expect(incident.entries("link_pinned").last()).toContainText("pinned a snapshot");

  await incident.resolve();
  await expect(incident.entries("status_changed")).toContainText("resolved");

  const summary = await incident.copySummary();
  expect(summary).toContain(`## ${title}`);
  expect(summary).toContain("- **Status:** resolved");
  expect(summary).toContain("- **Services:** users, gateway");
  expect(summary).toMatch(/- \*\*Start:\*\* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  expect(summary).toContain("> **Rolled back** v42");
  expect(summary).toMatch(/Pinned \[Snapshot: .*\]\(http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{22}\) \(snapshot\)/);

  // The snapshot opens as what was stored, with a way back to live.
  await incident.entries("link_pinned").last().getByRole("link").click();
  await expect(page.getByTestId("snapshot-view")).toBeVisible();
  await expect(page.getByTestId("shared-banner")).toContainText("Snapshot");
  await expect(page.getByTestId("overview")).toBeVisible();
  await expect(page.getByTestId("run-live")).toBeVisible();

  await page.goto("/incidents?status=resolved");
  await expect(page.getByTestId("incidents-table").getByRole("link", { name: title })).toBeVisible();
  await page.goto("/incidents?status=investigating");
  await expect(page.getByTestId("incidents-table").getByRole("link", { name: title })).toHaveCount(0);
});
