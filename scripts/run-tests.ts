// The body of `npm test`: services up, every suite run, services down, one summary line.
// Flags: --only=typecheck,lint,unit,integration,e2e  to run a subset while developing.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "../lib/server/db/migrate";
import { DEFAULT_ADMIN_URL, ensureLocalPostgres, recreateDatabase } from "./lib/postgres";
import { runStep } from "./lib/run-step";
import { startSearchNode, stopSearchNode, type SearchNode } from "./search-node";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(root, ".data/test-results");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const log = (line: string) => console.log(`==> ${line}`);

const STEPS = ["typecheck", "lint", "unit", "integration", "e2e"] as const;
type Step = (typeof STEPS)[number];
const onlyArg = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const selected = new Set<Step>(onlyArg ? (onlyArg.split(",") as Step[]) : STEPS);

const tally = { passed: 0, failed: 0, skipped: 0 };
const report: string[] = [];
function count(step: string, passed: number, failed: number, skipped = 0, ms = 0) {
  tally.passed += passed;
  tally.failed += failed;
  tally.skipped += skipped;
  report.push(`${step.padEnd(12)} ${String(passed).padStart(4)} passed ${String(failed).padStart(3)} failed ${String(skipped).padStart(3)} skipped  ${(ms / 1000).toFixed(1)}s`);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function runCheck(step: Step, command: string, args: string[]) {
  log(`${step}: ${path.basename(command)} ${args.join(" ")}`);
  const { code, ms } = await runStep(command, args);
  count(step, code === 0 ? 1 : 0, code === 0 ? 0 : 1, 0, ms);
}

interface VitestJson { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number }

async function runVitest(step: "unit" | "integration", env: NodeJS.ProcessEnv) {
  const output = path.join(resultsDir, `vitest-${step}.json`);
  rmSync(output, { force: true });
  log(`${step} tests (vitest)`);
  const { code, ms } = await runStep(bin("vitest"), ["run", "--project", step, "--reporter=default", "--reporter=json", `--outputFile=${output}`], env);
  const json = readJson<VitestJson>(output);
  if (!json) return count(step, 0, 1, 0, ms);
  // A file that fails to load has no tests to count; it still fails the run.
  const failed = json.numFailedTests + (json.numFailedTests === 0 && code !== 0 ? Math.max(1, json.numFailedTestSuites) : 0);
  count(step, json.numPassedTests, failed, json.numPendingTests + json.numTodoTests, ms);
}

interface PlaywrightJson { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }

async function runE2e(env: NodeJS.ProcessEnv) {
  log("e2e: building the app (next build)");
  const build = await runStep(bin("next"), ["build"], env);
  if (build.code !== 0) return count("e2e build", 0, 1, 0, build.ms);
  const output = path.join(resultsDir, "playwright.json");
  rmSync(output, { force: true });
  log("e2e tests (Playwright, Debian Chromium)");
  const { code, ms } = await runStep(bin("playwright"), ["test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const json = readJson<PlaywrightJson>(output);
  if (!json) return count("e2e", 0, 1, 0, ms);
  const failed = json.stats.unexpected + (json.stats.unexpected === 0 && code !== 0 ? 1 : 0);
  count("e2e", json.stats.expected + json.stats.flaky, failed, json.stats.skipped, ms);
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const needsServices = selected.has("integration") || selected.has("e2e");
  const started: SearchNode[] = [];
  const stopAll = async () => {
    for (const node of started.splice(0)) await stopSearchNode(node.name).catch(() => {});
  };
  process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
  process.on("SIGTERM", () => void stopAll().then(() => process.exit(143)));

  try {
    if (selected.has("typecheck")) await runCheck("typecheck", bin("tsc"), ["--noEmit"]);
    if (selected.has("lint")) await runCheck("lint", bin("eslint"), ["."]);
    if (selected.has("unit")) await runVitest("unit", process.env);

    if (needsServices) {
      log("Postgres: checking the local server");
      await ensureLocalPostgres(adminUrl, log);
      log("Search: starting Elasticsearch (:9210) and OpenSearch (:9211) side by side");
      const nodes = await Promise.all([
        startSearchNode({ engine: "elasticsearch", port: 9210, name: "test-elasticsearch", log: (l) => console.log(`   [es] ${l}`) }),
        startSearchNode({ engine: "opensearch", port: 9211, name: "test-opensearch", log: (l) => console.log(`   [os] ${l}`) }),
      ]);
      started.push(...nodes.filter((node) => !node.reused));
      const [es, os] = nodes as [SearchNode, SearchNode];
      const e2eDatabaseUrl = await recreateDatabase(adminUrl, "triage_e2e");
      await migrate({ databaseUrl: e2eDatabaseUrl, migrationsDir: path.join(root, "prisma/migrations") });
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TEST_DATABASE_URL: adminUrl,
        TEST_ES_URL: es.url,
        TEST_ES_USERNAME: es.username ?? "",
        TEST_ES_PASSWORD: es.password ?? "",
        TEST_OS_URL: os.url,
        E2E_DATABASE_URL: e2eDatabaseUrl,
        E2E_LOGS_URL: es.url,
        E2E_LOGS_USERNAME: es.username ?? "",
        E2E_LOGS_PASSWORD: es.password ?? "",
        // The build reads no secrets; runtime env reaches the servers Playwright starts.
        DATABASE_URL: e2eDatabaseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        // Route handlers log every request; in tests only warnings and errors are worth reading.
        LOG_LEVEL: "warn",
      };
      if (selected.has("integration")) await runVitest("integration", env);
      if (selected.has("e2e")) await runE2e(env);
    }
  } catch (error) {
    console.error(`!! ${(error as Error).message}`);
    count("setup", 0, 1);
  } finally {
    await stopAll();
  }

  console.log("\n" + report.join("\n"));
  console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
  process.exit(tally.failed > 0 ? 1 : 0);
}

void main();
