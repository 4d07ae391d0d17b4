import { defineConfig } from "@playwright/test";

// Servers are started from the build that scripts/run-tests.ts made. The second one has
// neither its database nor its engine, to prove the UI degrades instead of going blank.
import { E2E_ADMIN } from "./e2e/fixtures/accounts";
import { APP_PORT, OUTAGE_PORT } from "./e2e/fixtures/ports";
import { e2eTargetDatabaseUrl } from "./e2e/fixtures/target-database";

const appEnv = {
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
  LOGS_URL: process.env.E2E_LOGS_URL ?? "",
  LOGS_USERNAME: process.env.E2E_LOGS_USERNAME ?? "",
  LOGS_PASSWORD: process.env.E2E_LOGS_PASSWORD ?? "",
  LOGS_INDEX: "logs-triage-e2e-*",
  // Created by the slow-query spec (e2e/fixtures/target-database.ts) before it explains.
  TARGET_DATABASE_URL: e2eTargetDatabaseUrl(),
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  HOST: "127.0.0.1",
};

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node scripts/serve.mjs",
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      env: { ...appEnv, PORT: String(APP_PORT), TRIAGE_ADMIN_EMAIL: E2E_ADMIN.email, TRIAGE_ADMIN_PASSWORD: E2E_ADMIN.password },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: "node scripts/serve.mjs",
      url: `http://127.0.0.1:${OUTAGE_PORT}/`,
      env: { ...appEnv, PORT: String(OUTAGE_PORT), DATABASE_URL: "postgresql://postgres@127.0.0.1:5999/none", LOGS_URL: "http://127.0.0.1:9299", LOGS_REQUEST_TIMEOUT_MS: "2000" },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
