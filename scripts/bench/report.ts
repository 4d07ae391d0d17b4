import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EngineInfo } from "@/lib/server/log-store/types";
import type { IncrementalReport } from "./incremental-cases";
import type { CaseResult, ViewRatio } from "./measure";
import type { BenchData } from "./seed-bench-index";

export interface BenchReport {
  createdAt: string;
  machine: { cpus: number; cpuModel: string; totalMemoryBytes: number; node: string; platform: string };
  engine: EngineInfo & { url: string; startedByBench: boolean };
  lines: { requested: number; indexed: number };
  index: string;
  range: { from: string; to: string };
  seeding: BenchData["seeding"];
  settings: { warmup: number; iterations: number; requestCache: "disabled" };
  cases: CaseResult[];
  apiToRaw: ViewRatio[];
  incremental: IncrementalReport;
}

const RESULTS_DIR = path.resolve(import.meta.dirname, "..", "..", "bench", "results");

export function describeMachine(): BenchReport["machine"] {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? "unknown", totalMemoryBytes: os.totalmem(), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

const COLUMNS = ["case", "median ms", "p95 ms", "engine took ms (median)", "round trips", "matched docs"] as const;

export function formatTable(report: BenchReport): string {
  const rows = report.cases.map((result) => [
    result.name,
    result.wallMs.median.toFixed(1),
    result.wallMs.p95.toFixed(1),
    result.tookMs.median.toFixed(1),
    result.roundTrips.min === result.roundTrips.max ? String(result.roundTrips.min) : `${result.roundTrips.min}-${result.roundTrips.max}`,
    result.matched.toLocaleString("en-US"),
  ]);
  const widths = COLUMNS.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const ratios = report.apiToRaw.map((ratio) => `API/raw ${ratio.view}: ${ratio.median.toFixed(2)}x median, ${ratio.p95.toFixed(2)}x p95`);
  return [
    header(report),
    "",
    line(COLUMNS),
    widths.map((width) => "-".repeat(width)).join("  "),
    ...rows.map(line),
    "",
    "engine took: per round trip the slowest search of its _msearch, summed over the view's round trips",
    ...roundTripNotes(report),
    ...ratios,
  ].join("\n");
}

/** Where a view's round trips went, for every case that made other calls than searches or varied. */
function roundTripNotes(report: BenchReport): string[] {
  return report.cases.flatMap((result) => {
    const calls = Object.entries(result.calls);
    const varied = result.roundTrips.min !== result.roundTrips.max;
    if (!varied && calls.every(([method]) => method === "msearch" || method === "search")) return [];
    const list = calls.map(([method, count]) => `${method} ${count}`).join(", ");
    return [`round trips of ${result.name} over ${result.wallMs.count} runs: ${list}`];
  });
}

function header(report: BenchReport): string {
  const { engine, machine, seeding } = report;
  const seeded = seeding.linesPerSecond === undefined ? "index reused (no seeding figures)" : `${seeding.seeded ? "seeded" : "reused, seeded earlier"} at ${Math.round(seeding.linesPerSecond).toLocaleString("en-US")} lines/s`;
  return [
    `${engine.engine} ${engine.version} at ${engine.url}, ${report.index}: ${report.lines.indexed.toLocaleString("en-US")} documents, ${seeded}`,
    `range ${report.range.from} .. ${report.range.to}, ${report.settings.warmup} warm-up + ${report.settings.iterations} timed rounds (cases interleaved), request cache off, merges settled`,
    `${machine.cpus} x ${machine.cpuModel}, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, node ${machine.node}`,
  ].join("\n");
}

/** bench/results/<ISO timestamp>-<engine>-<lines>.json; colons become dashes so the name works everywhere. */
export async function saveReport(report: BenchReport): Promise<string> {
  const stamp = report.createdAt.replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  const file = path.join(RESULTS_DIR, `${stamp}-${report.engine.engine}-${report.lines.requested}.json`);
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
