// npm run test:load -- [--minutes 5] [--lines 1000000] [--viewers 50] [--filtered 10] [--refresh-seconds 5] [--port 3190]
// Loopback only: the bench's own engine node (:9220, seeded like `npm run bench`, reused while fresh), a
// throwaway Postgres database, and the built app (`npx next build` first) served by scripts/serve.mjs on
// 127.0.0.1. `viewers` identical overviews plus `filtered` differently filtered ones refresh every 5 s while
// live lines arrive. Prints p50/p95 per view, errors, the engine's search time per second (its own node
// counters) and the app's peak RSS; saves JSON under bench/results/. Exits 1 on any error.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createTestDatabase } from "@/prisma/factories";
import { createLogStore } from "@/lib/server/log-store";
import { trafficLine } from "@/lib/testing/traffic-lines";
import { acquireEngine, releaseEngine } from "./bench/engine-target";
import { engineSearchMs } from "./bench/incremental-cases";
import { ensureBenchData } from "./bench/seed-bench-index";
import { percentile } from "./bench/stats";
import { startApp } from "./load/app-process";
import { runViewers, sleep, type ViewerSpec } from "./load/viewers";

const log = (line: string) => console.log(`[load] ${line}`);
const SERVICES = ["gateway", "auth", "users", "orders", "payments"];

function args() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { minutes: { type: "string", default: "5" }, lines: { type: "string", default: "1000000" }, viewers: { type: "string", default: "50" }, filtered: { type: "string", default: "10" }, "refresh-seconds": { type: "string", default: "5" }, port: { type: "string", default: "3190" } },
  });
  const number = (name: keyof typeof values) => {
    const value = Number(String(values[name]).replace(/[_,]/g, ""));
    if (!(value > 0)) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  return { minutes: number("minutes"), lines: number("lines"), viewers: number("viewers"), filtered: number("filtered"), refreshMs: number("refresh-seconds") * 1000, port: number("port") };
}

/** `viewers` identical overviews, and `filtered` others: one service each, then one service over the last 15 minutes. */
function viewerSpecs(viewers: number, filtered: number): ViewerSpec[] {
  const same = Array.from({ length: viewers }, () => ({ view: "overview, last hour (identical)", path: "/api/overview?from=now-1h&to=now" }));
  const others = Array.from({ length: filtered }, (_, i) => {
    const service = SERVICES[i % SERVICES.length]!;
    const range = i < SERVICES.length ? "now-1h" : "now-15m";
    return { view: "overview, filtered (10 different)", path: `/api/overview?from=${range}&to=now&service=${service}` };
  });
  return [...same, ...others];
}

async function main(): Promise<number> {
  const options = args();
  const target = await acquireEngine("elasticsearch", log);
  const database = await createTestDatabase("triage_load");
  process.env.DATABASE_URL = database.url;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  const store = await createLogStore({ url: target.url, username: target.username, password: target.password, requestTimeoutMs: 120_000 });
  try {
    const data = await ensureBenchData(store, target, options.lines, false, log);
    const { createUser } = await import("@/lib/server/users/create-user");
    const { createApiToken } = await import("@/lib/server/tokens/create-api-token");
    const user = await createUser({ email: `load-${randomBytes(4).toString("hex")}@triage.local`, name: "load test", password: randomBytes(18).toString("base64url"), role: "viewer" }, null);
    const { token } = await createApiToken({ name: "load test", role: "viewer" }, { id: user.id, email: user.email, name: user.name, role: "viewer", via: "session" });
    app = await startApp(options.port, { DATABASE_URL: database.url, LOGS_URL: target.url, LOGS_USERNAME: target.username ?? "", LOGS_PASSWORD: target.password ?? "", LOGS_INDEX: data.index, TRIAGE_SECRET: randomBytes(32).toString("base64url") });
    log(`app on ${app.url}, ${options.viewers} + ${options.filtered} viewers every ${options.refreshMs / 1000} s for ${options.minutes} min over ${data.documents.toLocaleString("en-US")} lines`);

    // One untimed request per distinct view first, as the bench warms up: a node just started has cold caches.
    const specs = viewerSpecs(options.viewers, options.filtered);
    for (const path of new Set(specs.map((spec) => spec.path))) await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) }).then((response) => response.text());
    const deadline = Date.now() + options.minutes * 60_000;
    // Live traffic: about the seeded rate, written every refresh interval at "now".
    const perBatch = Math.max(1, Math.round((data.documents / 3600) * (options.refreshMs / 1000)));
    let written = 0;
    const writer = (async () => {
      while (Date.now() < deadline) {
        const now = Date.now();
        await store.bulkIndex(data.index, Array.from({ length: perBatch }, (_, i) => trafficLine(now - ((i * 7919) % 3000), written + i)));
        written += perBatch;
        await sleep(options.refreshMs - (Date.now() - now));
      }
    })();
    const engineBefore = await engineSearchMs(target);
    const started = Date.now();
    const samples = await runViewers(app.url, token, specs, options.refreshMs, deadline);
    const seconds = (Date.now() - started) / 1000;
    const engineMs = (await engineSearchMs(target)) - engineBefore;
    await writer;

    const views = samples.map((sample) => ({
      view: sample.view,
      requests: sample.latenciesMs.length + sample.errors.length,
      errors: sample.errors.length,
      p50Ms: sample.latenciesMs.length ? percentile(sample.latenciesMs, 50) : null,
      p95Ms: sample.latenciesMs.length ? percentile(sample.latenciesMs, 95) : null,
      firstErrors: sample.errors.slice(0, 3),
    }));
    const report = { createdAt: new Date().toISOString(), options, documents: data.documents, liveLinesWritten: written, seconds, engineSearchMsPerSecond: engineMs / seconds, appPeakRssMiB: app.peakRssBytes() / 2 ** 20, views };
    for (const view of views) log(`${view.view}: ${view.requests} requests, ${view.errors} errors, p50 ${view.p50Ms?.toFixed(0)} ms, p95 ${view.p95Ms?.toFixed(0)} ms`);
    log(`engine search time ${report.engineSearchMsPerSecond.toFixed(1)} ms per second of wall time (${(report.engineSearchMsPerSecond / 10).toFixed(1)}% of one core); app peak RSS ${report.appPeakRssMiB.toFixed(0)} MiB; ${written} live lines written`);
    const file = path.resolve("bench", "results", `${report.createdAt.replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}-load.json`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`saved ${path.relative(process.cwd(), file)}`);
    return views.some((view) => view.errors > 0) ? 1 : 0;
  } finally {
    await app?.stop();
    await store.close();
    const { getDbPool } = await import("@/lib/server/db");
    await getDbPool().end().catch(() => {});
    await database.drop();
    await releaseEngine(target, log);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[load] error: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
