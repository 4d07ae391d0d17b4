import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_SOURCE_MAPPINGS } from "../lib/demo/demo-sources";
import { NON_ECS_SERVICES } from "../lib/demo/non-ecs-logs";
import { pinoHttpKit } from "../lib/testing/real-loggers/pino-kits";
import { TRAFFIC_SERVICES } from "../lib/testing/real-loggers/traffic-plan";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { seedNonEcsLogs, type SeededNonEcsLogs } from "./fixtures/seed-non-ecs-logs";
import { seedRealLoggerLogs } from "./fixtures/seed-real-logger-logs";
import { signInAsNewUser } from "./fixtures/sign-in";
import { adminApi } from "./fixtures/users";
import { OverviewPage } from "./pages/overview-page";
import { RequestPage } from "./pages/request-page";
import { SettingsPage } from "./pages/settings-page";

let api: APIRequestContext;
const created: string[] = [];

test.beforeEach(async () => {
  api = await adminApi();
});

// The e2e server is shared: the sources a test added are deleted again, whatever happened.
test.afterEach(async () => {
  try {
    const { sources } = (await (await api.get("/api/sources")).json()) as { sources: { id: string; name: string; version: number }[] };
    for (const source of sources.filter((candidate) => created.includes(candidate.name))) {
      const deleted = await api.delete(`/api/sources/${source.id}?version=${source.version}`);
      expect(deleted.ok(), await deleted.text()).toBe(true);
    }
  } finally {
    created.length = 0;
    await api?.dispose();
  }
});

test.describe("a source of non-ECS logs", () => {
  let seeded: SeededNonEcsLogs;
  test.beforeEach(async () => {
    seeded = await seedNonEcsLogs({ count: 200, seed: 77 });
  });
  test.afterEach(async () => seeded?.remove());

  test("added in Settings with Detect mapping, its services show on the overview", async ({ page }) => {
    await signInAsNewUser(page, "admin", "/settings");
    const settings = new SettingsPage(page);
    const name = `nonecs-${seeded.index.slice(-8)}`;
    created.push(name);
    await settings.addSource(name);
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
    await expect(settings.sourceRow(name)).toContainText(seeded.index);

    const overview = new OverviewPage(page);
    await overview.open({ from: "now-1h", to: "now" });
    for (const service of NON_ECS_SERVICES) {
      const counts = seeded.truth.services[service]!;
      const row = overview.serviceRow(service);
      await expect(row.locator('[data-field="requests"]'), `${service} requests`).toHaveText(String(counts.requests));
      await expect(row.locator('[data-field="serverErrors"]'), `${service} 5xx`).toHaveText(String(counts.status5xx));
    }
  });
});

test("pino's numeric levels: Detect proposes the pino scheme, and the overview counts ERROR and FATAL lines", async ({ page }) => {
  const pino = await seedRealLoggerLogs(pinoHttpKit);
  try {
    await signInAsNewUser(page, "admin", "/settings");
    const settings = new SettingsPage(page);
    const name = `pino-${pino.index.slice(-8)}`;
    created.push(name);
    await settings.addSource(name);
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

test.describe("three differently shaped sources", () => {
  let seeded: SeededLogs;
  test.beforeEach(async () => {
    seeded = seedLogs({ lines: 3000, seed: 91, sources: true });
    // PostgreSQL's source through the API; the gateway's is added by hand in the test.
    const name = `pg-${seeded.index.slice(-8)}`;
    created.push(name);
    const response = await api.post("/api/sources", { data: { name, indexPattern: seeded.sourceIndices!.postgres, mapping: DEMO_SOURCE_MAPPINGS.postgres } });
    expect(response.ok(), await response.text()).toBe(true);
  });
  test.afterEach(async () => seeded?.remove());

  test("the gateway's pino-http source, added with Detect mapping, joins the overview, and a slow request shows every lane", async ({ page }) => {
    await signInAsNewUser(page, "admin", "/settings");
    const settings = new SettingsPage(page);
    const name = `gw-${seeded.index.slice(-8)}`;
    created.push(name);
    await settings.addSource(name);
    await settings.detectMapping(seeded.sourceIndices!.gateway);
    for (const [label, value] of [["Time", "time"], ["Service", "name"], ["HTTP status", "res.statusCode"], ["Message", "msg"]] as const) await expect(settings.mappingField(label), label).toHaveValue(value);
    await expect(settings.mappingField("Correlation id fields (comma-separated)")).toHaveValue(/req\.id/);
    await settings.save();

    const overview = new OverviewPage(page);
    // The seeded hour exactly: a relative hour opened later would drop its first minute.
    await overview.open({ from: seeded.truth.windowStart, to: seeded.truth.anchor });
    const gatewayRequests = seeded.truth.perServicePerMinute.filter((row) => row.service === "gateway").reduce((sum, row) => sum + row.requestLines, 0);
    await expect(overview.serviceRow("gateway").locator('[data-field="requests"]')).toHaveText(String(gatewayRequests));

    const slow = seeded.truth.incidents.find((incident) => incident.id === "orders-slow-query")!;
    const facts = slow.timelines.find((timeline) => timeline.services.includes("orders"))!;
    const request = new RequestPage(page);
    await request.open(facts.requestId, `?around=${encodeURIComponent(slow.start)}&window=24h`);
    await expect(request.lanes).toHaveCount(new Set([...facts.services, "postgresql"]).size);
    expect(new Set(await request.laneServices())).toEqual(new Set([...facts.services, "postgresql"]));
  });
});

test("viewers see no Detect mapping button", async ({ page }) => {
  await signInAsNewUser(page, "viewer", "/settings");
  const settings = new SettingsPage(page);
  await expect(settings.readOnlyNotice()).toBeVisible();
  await expect(settings.detectButton()).toHaveCount(0);
});
