import { expect, test, type APIRequestContext } from "@playwright/test";
import { NON_ECS_SERVICES } from "../lib/demo/non-ecs-logs";
import { pinoHttpKit } from "../lib/testing/real-loggers/pino-kits";
import { TRAFFIC_SERVICES } from "../lib/testing/real-loggers/traffic-plan";
import { seedNonEcsLogs, type SeededNonEcsLogs } from "./fixtures/seed-non-ecs-logs";
import { seedRealLoggerLogs } from "./fixtures/seed-real-logger-logs";
import { adminApi } from "./fixtures/users";
import { OverviewPage } from "./pages/overview-page";
import { SettingsPage } from "./pages/settings-page";
import { signInAsNewUser } from "./fixtures/sign-in";

type StoredSettings = { version: number; updatedAt?: unknown; updatedBy?: unknown } & Record<string, unknown>;

let seeded: SeededNonEcsLogs;
let api: APIRequestContext;
let previous: StoredSettings;

test.beforeEach(async () => {
  seeded = await seedNonEcsLogs({ count: 200, seed: 77 });
  api = await adminApi();
  previous = (await (await api.get("/api/settings/logs")).json()) as StoredSettings;
});

// The e2e server is shared: other specs read logs-triage-e2e-* with the ECS mapping, so the
// settings this test saved are put back through the API whatever happened.
test.afterEach(async () => {
  try {
    const current = (await (await api.get("/api/settings/logs")).json()) as StoredSettings;
    if (current.version !== previous.version) {
      const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...settings } = previous;
      const restored = await api.put("/api/settings/logs", { data: { ...settings, version: current.version } });
      expect(restored.ok(), await restored.text()).toBe(true);
    }
  } finally {
    await seeded?.remove();
    await api?.dispose();
  }
});

test("logs with non-ECS field names show in the overview after detecting and saving the mapping", async ({ page }) => {
  await signInAsNewUser(page, "admin", "/settings");
  const settings = new SettingsPage(page);

  await settings.detectMapping(seeded.index);
  const proposed: Array<[string, string]> = [
    ["Time", "timestamp"],
    ["Level", "level.keyword"],
    ["Service", "service.keyword"],
    ["Environment", "env.keyword"],
    ["Message", "msg"],
    ["HTTP status", "status"],
    ["HTTP method", "method.keyword"],
    ["URL path", "path.keyword"],
    ["Duration", "duration_ms"],
    ["Correlation id fields (comma-separated)", "request_id.keyword"],
  ];
  for (const [label, value] of proposed) await expect(settings.mappingField(label), label).toHaveValue(value);
  await expect(settings.durationUnit()).toHaveValue("ms");
  await expect(settings.levelScheme()).toHaveValue("names");
  await expect(settings.proposalRow("service")).toContainText("keyword");
  await expect(settings.proposalRow("errorType")).toHaveAttribute("data-found", "false");
  await settings.save();

  const overview = new OverviewPage(page);
  await overview.open({ from: "now-1h", to: "now" });
  for (const service of NON_ECS_SERVICES) {
    const counts = seeded.truth.services[service]!;
    const row = overview.serviceRow(service);
    await expect(row.locator('[data-field="requests"]'), `${service} requests`).toHaveText(String(counts.requests));
    await expect(row.locator('[data-field="serverErrors"]'), `${service} 5xx`).toHaveText(String(counts.status5xx));
  }
});

test("pino's numeric levels: Detect proposes the pino scheme, and the overview counts ERROR and FATAL lines", async ({ page }) => {
  const pino = await seedRealLoggerLogs(pinoHttpKit);
  try {
    await signInAsNewUser(page, "admin", "/settings");
    const settings = new SettingsPage(page);
    await settings.detectMapping(pino.index);
    await expect(settings.mappingField("Level")).toHaveValue("level");
    await expect(settings.mappingField("Time")).toHaveValue("time");
    await expect(settings.levelScheme()).toHaveValue("pino");
    await expect(settings.proposalRow("level")).toContainText("(pino)");
    await settings.save();

    const overview = new OverviewPage(page);
    await overview.open({ from: "now-1h", to: "now" });
    for (const service of TRAFFIC_SERVICES) {
      const truth = pino.traffic.truth.services[service];
      const row = overview.serviceRow(service);
      await expect(row.locator('[data-field="requests"]'), `${service} requests`).toHaveText(String(truth.requests));
      await expect(row.locator('[data-field="errorLines"]'), `${service} ERROR`).toHaveText(String(truth.errorLines));
      await expect(row.locator('[data-field="fatalLines"]'), `${service} FATAL`).toHaveText(String(truth.fatalLines));
    }
  } finally {
    await pino.remove();
  }
});

test("viewers see no Detect mapping button", async ({ page }) => {
  await signInAsNewUser(page, "viewer", "/settings");
  const settings = new SettingsPage(page);
  await expect(settings.readOnlyNotice()).toBeVisible();
  await expect(settings.detectButton()).toHaveCount(0);
});
