// npm run bench -- [--lines 1000000] [--engine elasticsearch|opensearch|both] [--iterations 30] [--warmup 3] [--reuse] [--only views|first-load]
// First, from the production build in .next (no engine needed), each page's first-load JavaScript, gzipped.
// Seeds logs-triage-bench-<lines> with demo logs (seed 42, the hour before the current minute), then times
// each BenchCase (overview, explorer page, request drilldown): median, p95, the engine's own `took` and engine
// round trips per view (searches, field caps, points in time). Prints a table and
// saves JSON to bench/results/. Engine: LOGS_URL (+ LOGS_USERNAME/LOGS_PASSWORD) when set, otherwise a node
// of the bench's own on port 9220 (Elasticsearch) / 9221 (OpenSearch), stopped at the end if started here.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { stripUrlCredentials } from "@/lib/security/strip-url-credentials";
import { createLogStore } from "@/lib/server/log-store";
import type { LogStore } from "@/lib/server/log-store/types";
import { parseBenchArgs, USAGE, type BenchArgs } from "./bench/args";
import { BENCH_CASES, type BenchContext } from "./bench/cases";
import { countRoundTrips } from "./bench/counting-store";
import { findServerCodeInClientChunks, FIRST_LOAD_BUDGET_BYTES, formatFirstLoadTable, measureFirstLoad } from "./bench/first-load";
import { acquireEngine, releaseEngine, type EngineTarget } from "./bench/engine-target";
import { formatIncremental, measureIncremental } from "./bench/incremental-cases";
import { apiToRawRatios, measureCases, type CaseResult } from "./bench/measure";
import { describeMachine, formatTable, saveReport, type BenchReport } from "./bench/report";
import { ensureBenchData, type BenchData } from "./bench/seed-bench-index";
import { ensureBenchSources, type BenchSources } from "./bench/seed-bench-sources";
import { settleIndex } from "./bench/settle-index";
import type { SearchEngineName } from "./lib/search-engines";

const WINDOW_MS = 60 * 60_000;
/** Rounds of the incremental-view figures (each a full view, a refresh, and 50 viewers at once). */
const INCREMENTAL_ROUNDS = 5;
const log = (line: string) => console.log(line);

/** A node the bench started is stopped on Ctrl-C too, not only when the run ends. */
let current: EngineTarget | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    const target = current;
    current = undefined;
    void (target ? releaseEngine(target, log) : Promise.resolve()).finally(() => process.exit(130));
  });
}

async function benchEngine(engine: SearchEngineName, args: BenchArgs): Promise<void> {
  const target = await acquireEngine(engine, log);
  current = target;
  try {
    const store = await createLogStore({ url: target.url, username: target.username, password: target.password, requestTimeoutMs: 120_000 });
    try {
      if (args.engineGiven && store.engine !== engine) throw new Error(`${stripUrlCredentials(target.url)} answers as ${store.engine}, not ${engine}`);
      const data = await ensureBenchData(store, target, args.lines, args.reuse, log);
      await settleIndex(target, data.index, log);
      const sources = await ensureBenchSources(store, target, args.lines, data.anchor, log);
      for (const source of sources.sources) await settleIndex(target, source.indexPattern, log);
      const results = await measureAll(store, target, data, sources, args);
      log(`Measuring incremental views: ${INCREMENTAL_ROUNDS} rounds`);
      const incremental = await measureIncremental(store, target, data.index, data.anchor, INCREMENTAL_ROUNDS);
      const report = { ...(await buildReport(store, target, data, args, results)), incremental };
      console.log(`\n${formatTable(report)}\n\n${formatIncremental(incremental)}\n`);
      log(`Saved ${path.relative(process.cwd(), await saveReport(report))}`);
    } finally {
      await store.close();
    }
  } finally {
    current = undefined;
    await releaseEngine(target, log);
  }
}

async function measureAll(store: LogStore, target: EngineTarget, data: BenchData, sources: BenchSources, args: BenchArgs): Promise<CaseResult[]> {
  const context: BenchContext = {
    sources,
    counting: countRoundTrips(store),
    target,
    index: data.index,
    range: { from: new Date(data.anchor.getTime() - WINDOW_MS), to: data.anchor },
  };
  const cases = args.views.length > 0 ? BENCH_CASES.filter((benchCase) => args.views.some((part) => benchCase.view.includes(part))) : BENCH_CASES;
  log(`Measuring ${cases.length} cases: ${args.warmup} warm-up + ${args.iterations} timed rounds, cases interleaved`);
  return measureCases(cases, context, args);
}

async function buildReport(store: LogStore, target: EngineTarget, data: BenchData, args: BenchArgs, cases: CaseResult[]): Promise<Omit<BenchReport, "incremental">> {
  const info = await store.info();
  return {
    createdAt: new Date().toISOString(),
    machine: describeMachine(),
    engine: { ...info, url: stripUrlCredentials(target.url), startedByBench: target.startedNode !== undefined },
    lines: { requested: args.lines, indexed: data.documents },
    index: data.index,
    range: { from: new Date(data.anchor.getTime() - WINDOW_MS).toISOString(), to: data.anchor.toISOString() },
    seeding: data.seeding,
    settings: { warmup: args.warmup, iterations: args.iterations, requestCache: "disabled" },
    cases,
    apiToRaw: apiToRawRatios(cases),
  };
}

/** Nonzero when a page is over budget or a browser chunk holds server code, so a script or CI can watch it. */
async function benchFirstLoad(): Promise<number> {
  const rows = await measureFirstLoad();
  console.log(`\nFirst-load JavaScript per page (production build in .next, gzip -9), budget ${FIRST_LOAD_BUDGET_BYTES / 1024} KB\n${formatFirstLoadTable(rows)}\n`);
  const leaks = await findServerCodeInClientChunks();
  console.log(leaks.length ? `Server-only or test code in browser chunks:\n  ${leaks.join("\n  ")}\n` : "Server-only or test code in browser chunks: none\n");
  return rows.some((row) => row.overBudget) || leaks.length ? 2 : 0;
}

async function main(argv: string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  const firstLoad = args.only === "views" ? 0 : await benchFirstLoad();
  if (args.only === "first-load") return firstLoad;
  // Explorer pages sign their cursors like the app does; the bench has no Postgres to keep a generated secret in.
  process.env.TRIAGE_SECRET ||= randomBytes(32).toString("base64url");
  if (process.env.LOGS_URL && args.engines.length > 1) throw new Error("--engine both starts a node per engine; unset LOGS_URL to use it");
  for (const engine of args.engines) await benchEngine(engine, args);
  return firstLoad;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] error: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`usage: ${USAGE}`);
    process.exit(1);
  },
);
