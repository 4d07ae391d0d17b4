// The body of `npm run demo`: Postgres (yours or an embedded one), a search engine (yours or
// a local one), migrations, a demo admin, demo logs with live traffic, then the built app on
// :3000. Ctrl-C stops everything this script started.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "../lib/server/db/migrate";
import { createLogStore } from "../lib/server/log-store";
import { seedDemoLogs } from "../lib/server/demo/seed-demo-logs";
import { streamLiveTraffic } from "../lib/server/demo/stream-live-traffic";
import { ensureDemoSources } from "../lib/server/demo/ensure-demo-sources";
import { ensureDemoAlerts } from "../lib/server/demo/ensure-demo-alerts";
import { getDbPool } from "../lib/server/db";
import { DEMO_SOURCE_INDICES } from "../lib/demo/demo-sources";
import { startChild, stopChildren, waitForLine } from "./lib/child-processes";
import { prepareDemoTargetDatabase } from "./lib/demo-target-database";
import { runStep } from "./lib/run-step";
import { startSearchNode, stopSearchNode, type SearchNode } from "./search-node";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.PORT ?? 3000);

const DEMO_LINES = Number(process.env.DEMO_LINES ?? 60_000);
const DEMO_ADMIN = { email: process.env.TRIAGE_ADMIN_EMAIL ?? "admin@triage.local", password: process.env.TRIAGE_ADMIN_PASSWORD ?? "triage-demo-admin" };
const step = (text: string) => console.log(`\n==> ${text}`);

const live = new AbortController();
let startedNode: SearchNode | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\n==> Stopping what the demo started…");
  live.abort();
  await stopChildren();
  if (startedNode) await stopSearchNode(startedNode.name).catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function preparePostgres(): Promise<{ url: string; poolMax?: string }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  step("Postgres: DATABASE_URL is unset, starting the embedded PGlite server (data in .data/pglite)");
  const child = startChild("pglite", path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/embedded-postgres.ts"], process.env);
  const [, url] = await waitForLine(child, /DATABASE_URL=(\S+)/, 60_000);
  return { url: url!, poolMax: "1" };
}

async function prepareSearch(): Promise<{ url: string; username?: string; password?: string }> {
  if (process.env.LOGS_URL) return { url: process.env.LOGS_URL, username: process.env.LOGS_USERNAME, password: process.env.LOGS_PASSWORD };
  step(`Search: LOGS_URL is unset, starting a local ${process.env.SEARCH_ENGINE ?? "elasticsearch"} on :9200 (first run downloads it with Maven)`);
  const node = await startSearchNode({ port: 9200, log: (line) => console.log(`  [search] ${line}`) });
  if (!node.reused) startedNode = node;
  return node;
}

/**
 * Runs `work` against the demo's database, then closes the pool: the embedded PGlite serves one
 * connection, which the app needs next.
 */
async function withDatabase<T>(url: string, work: () => Promise<T>): Promise<T> {
  process.env.DATABASE_URL = url;
  try {
    return await work();
  } finally {
    await getDbPool().end();
  }
}

async function main() {
  const database = await preparePostgres();
  step("Migrating the database");
  const migration = await migrate({ databaseUrl: database.url, migrationsDir: path.join(root, "prisma/migrations"), log: (line) => console.log(`  ${line}`) });
  console.log(`  ${migration.applied.length} applied, ${migration.alreadyApplied} already applied`);

  const search = await prepareSearch();
  const store = await createLogStore({ url: search.url, username: search.username, password: search.password, requestTimeoutMs: 120_000 });
  const indices = DEMO_SOURCE_INDICES;
  step(`Seeding ${DEMO_LINES.toLocaleString("en-US")} demo log lines as three sources: ${Object.values(indices).join(", ")} (${store.engine})`);
  for (const index of Object.values(indices)) await store.deleteIndex(index);
  const truth = await seedDemoLogs(store, {
    index: indices.app,
    sources: indices,
    seed: 42,
    anchor: Date.now(),
    targetLines: DEMO_LINES,
    onProgress: ({ written, linesPerSecond }) => process.stdout.write(`\r  ${written.toLocaleString("en-US")} lines, ${Math.round(linesPerSecond).toLocaleString("en-US")} lines/s\x1b[K`),
  });
  console.log(`\n  ${truth.totals.lines.toLocaleString("en-US")} lines; incidents: ${truth.incidents.map((incident) => incident.id).join(", ")}`);
  step("Log sources: the app's ECS lines (default), the gateway's pino-http lines, PostgreSQL's server log");
  // One withDatabase: it ends the process-wide pool, which cannot be opened again.
  const [created, rules] = await withDatabase(database.url, async (): Promise<[string[], string[]]> => [await ensureDemoSources(), await ensureDemoAlerts()]);
  console.log(`  ${created.length ? `created ${created.join(", ")}` : "already there"}`);
  step("Alert rules: a 5xx error rate and a p99 latency rule per service, no contact point (see /alerts)");
  console.log(`  ${rules.length ? `created ${rules.join(", ")}` : "already there"}`);

  // Your own TARGET_DATABASE_URL / TARGET_DATABASES win; otherwise the demo explains against its own orders table.
  let targets = process.env.TARGET_DATABASES;
  if (!targets && !process.env.TARGET_DATABASE_URL) {
    step("Target database for EXPLAIN: the demo's orders table (about a million rows, no index on user_id, status)");
    targets = await prepareDemoTargetDatabase(root, process.env.DATABASE_URL, (line) => console.log(line));
  }

  step("Building the app (next build)");
  const build = await runStep(path.join(root, "node_modules/.bin/next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (build.code !== 0) throw new Error("next build failed");

  step(`Serving on http://localhost:${PORT}`);
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    DATABASE_URL: database.url,
    ...(database.poolMax ? { DATABASE_POOL_MAX: database.poolMax } : {}),
    LOGS_URL: search.url,
    LOGS_USERNAME: search.username ?? "",
    LOGS_PASSWORD: search.password ?? "",
    // The demo's services live behind this made-up host; it makes drilldown curl lines complete.
    CURL_ORIGIN: process.env.CURL_ORIGIN ?? "https://api.shop.example",
    ...(targets ? { TARGET_DATABASES: targets } : {}),
    TRIAGE_ADMIN_EMAIL: DEMO_ADMIN.email,
    TRIAGE_ADMIN_PASSWORD: DEMO_ADMIN.password,
    // The embedded PGlite serves one connection, so the alert worker shares the app's (see README "Alerts").
    ...(database.poolMax ? { ALERTS_WORKER: "in-process" } : {}),
  };
  const app = startChild("app", process.execPath, ["scripts/serve.mjs"], appEnv);
  await waitForLine(app, /Triage listening/, 120_000);
  app.once("exit", (code) => void shutdown(code ?? 1));
  if (!database.poolMax) {
    step("Alert worker: npm run worker beside the app");
    const worker = startChild("worker", path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], { ...appEnv, ALERTS_WORKER: "" });
    await waitForLine(worker, /alert worker started/, 60_000);
  }

  console.log(`\n  Triage is up: http://localhost:${PORT}`);
  console.log(`  Sign in as ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
  console.log("  New demo traffic arrives every 5 s. Ctrl-C stops everything.\n");
  await streamLiveTraffic(store, { index: indices.app, sources: indices, seed: 4242, signal: live.signal, onError: (error) => console.error(`  live traffic: ${(error as Error).message}`) });
}

main().catch(async (error: unknown) => {
  console.error(`\n!! ${(error as Error).message}`);
  await shutdown(1);
});
