// npm run demo:seed -- [--lines 60000] [--seed 42] [--index logs-triage-demo] [--window 60] [--follow] [--ground-truth FILE]
//   [--sources [--gateway-index gateway-access-demo] [--postgres-index postgres-server-demo]]
// With --sources the lines are written as three sources: app lines (ECS) into --index, the gateway's as pino-http
// lines into --gateway-index, PostgreSQL's log of slow statements into --postgres-index.
// Recreates the index with demo logs ending now, writes the ground truth to .data/demo-ground-truth.json,
// and with --follow appends live traffic every 5 s until SIGINT/SIGTERM.
// Engine from LOGS_URL (default http://127.0.0.1:9200), LOGS_USERNAME/LOGS_PASSWORD or LOGS_API_KEY.
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEMO_SOURCE_INDICES, type DemoSourceName } from "../lib/demo/demo-sources";

// Run with `tsx --conditions=react-server` (as `npm run demo:seed` does) so server-only modules load.
const GROUND_TRUTH_FILE = path.resolve(import.meta.dirname, "..", ".data", "demo-ground-truth.json");

interface SeedArgs {
  lines: number;
  seed: number;
  index: string;
  windowMinutes: number;
  follow: boolean;
  groundTruthFile: string;
  sources?: Record<DemoSourceName, string>;
}

function parseSeedArgs(argv: string[]): SeedArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      lines: { type: "string", default: "60000" },
      seed: { type: "string", default: "42" },
      index: { type: "string", default: "logs-triage-demo" },
      window: { type: "string", default: "60" },
      follow: { type: "boolean", default: false },
      "ground-truth": { type: "string", default: GROUND_TRUTH_FILE },
      sources: { type: "boolean", default: false },
      "gateway-index": { type: "string", default: DEMO_SOURCE_INDICES.gateway },
      "postgres-index": { type: "string", default: DEMO_SOURCE_INDICES.postgres },
    },
  });
  const lines = Number(values.lines.replace(/[_,]/g, ""));
  const seed = Number(values.seed);
  const windowMinutes = Number(values.window);
  if (!Number.isInteger(lines) || lines < 1) throw new Error(`--lines must be a positive integer, got "${values.lines}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  if (!(windowMinutes > 0)) throw new Error(`--window must be a positive number of minutes, got "${values.window}"`);
  const sources = values.sources ? { app: values.index, gateway: values["gateway-index"], postgres: values["postgres-index"] } : undefined;
  return { lines, seed, index: values.index, windowMinutes, follow: values.follow, groundTruthFile: path.resolve(values["ground-truth"]), sources };
}

function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** One rewritten line on a terminal; a line per 10% elsewhere (CI logs). */
function progressPrinter(target: number) {
  let lastDecile = -1;
  return ({ written, linesPerSecond }: { written: number; linesPerSecond: number }) => {
    const percent = Math.min(99, Math.floor((written / target) * 100));
    const text = `  ${formatCount(written)} lines written (${percent}%), ${formatCount(linesPerSecond)} lines/s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${text}\x1b[K`);
    else if (Math.floor(percent / 10) > lastDecile) {
      lastDecile = Math.floor(percent / 10);
      console.log(text);
    }
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parseSeedArgs(argv);
  const { createLogStore } = await import("../lib/server/log-store/index");
  const { seedDemoLogs } = await import("../lib/server/demo/seed-demo-logs");
  const { streamLiveTraffic } = await import("../lib/server/demo/stream-live-traffic");
  const { stripUrlCredentials } = await import("../lib/security/strip-url-credentials");

  const url = process.env.LOGS_URL || "http://127.0.0.1:9200";
  const store = await createLogStore({
    url,
    username: process.env.LOGS_USERNAME || undefined,
    password: process.env.LOGS_PASSWORD || undefined,
    apiKey: process.env.LOGS_API_KEY || undefined,
    requestTimeoutMs: 120_000,
  });
  try {
    console.log(`Seeding ~${formatCount(args.lines)} demo lines (seed ${args.seed}) into ${args.index} on ${store.engine} at ${stripUrlCredentials(url)}`);
    for (const index of args.sources ? Object.values(args.sources) : [args.index]) await store.deleteIndex(index);
    const startedAt = performance.now();
    const groundTruth = await seedDemoLogs(store, {
      index: args.index,
      sources: args.sources,
      seed: args.seed,
      anchor: Date.now(),
      targetLines: args.lines,
      windowMinutes: args.windowMinutes,
      onProgress: args.lines >= 20_000 ? progressPrinter(args.lines) : undefined,
    });
    const seconds = (performance.now() - startedAt) / 1000;
    if (process.stdout.isTTY && args.lines >= 20_000) process.stdout.write("\n");
    const { lines, requests } = groundTruth.totals;
    console.log(`Wrote ${formatCount(lines)} lines (${formatCount(requests)} requests) in ${seconds.toFixed(1)} s: ${formatCount(lines / seconds)} lines/s`);
    for (const incident of groundTruth.incidents) {
      console.log(`  ${incident.id}: ${incident.requestCount} requests, ${incident.start} .. ${incident.end}`);
    }
    await fs.mkdir(path.dirname(args.groundTruthFile), { recursive: true });
    await fs.writeFile(args.groundTruthFile, `${JSON.stringify({ index: args.index, engine: store.engine, ...groundTruth }, null, 2)}\n`);
    console.log(`Ground truth: ${path.relative(process.cwd(), args.groundTruthFile)}`);

    if (args.follow) {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      console.log("Streaming live traffic every 5 s; Ctrl-C stops.");
      const live = await streamLiveTraffic(store, {
        index: args.index,
        sources: args.sources,
        seed: args.seed + 1_000_000,
        signal: controller.signal,
        onTick: ({ lines: written, anchor }) => console.log(`  +${written} lines up to ${anchor}`),
        onError: (error) => console.error(`  live traffic write failed: ${error instanceof Error ? error.message : String(error)}`),
      });
      console.log(`Stopped live traffic after ${live.ticks} ticks, ${formatCount(live.lines)} lines.`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[demo-seed] error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
