import fs from "node:fs/promises";
import path from "node:path";
import { seedDemoLogs } from "@/lib/server/demo/seed-demo-logs";
import type { LogStore } from "@/lib/server/log-store/types";
import { engineRequest } from "./engine-http";
import type { EngineTarget } from "./engine-target";
import { formatCount, seedProgressPrinter } from "./progress";

const SEED = 42;
const FRESH_MS = 30 * 60_000;
/** The generator lands near, not exactly on, the requested line count. */
const COUNT_TOLERANCE = 0.05;
const SIDECAR_DIR = path.resolve(import.meta.dirname, "..", "..", ".data", "bench");

export interface Seeding {
  /** False when an existing index was measured as it was. */
  seeded: boolean;
  lines: number;
  seconds?: number;
  linesPerSecond?: number;
}

export interface BenchData {
  index: string;
  /** End of the seeded hour; every case measures absolute ranges ending here. */
  anchor: Date;
  documents: number;
  seeding: Seeding;
}

interface Sidecar {
  url: string;
  index: string;
  anchor: string;
  seededAt: string;
  seeding: Seeding;
}

interface IndexState {
  documents: number;
  newest?: number;
}

export function benchIndexName(lines: number): string {
  return `logs-triage-bench-${lines}`;
}

/** Seeds `logs-triage-bench-<lines>` unless it already holds a recent run of that size (or --reuse). */
export async function ensureBenchData(store: LogStore, target: EngineTarget, lines: number, reuse: boolean, log: (line: string) => void): Promise<BenchData> {
  const index = benchIndexName(lines);
  const state = await readIndexState(target, index);
  if (state && shouldReuse(state, lines, reuse)) {
    const sidecar = await readSidecar(store, index, target.url);
    const anchor = sidecar ? new Date(sidecar.anchor) : anchorFromNewest(state.newest);
    log(`Reusing ${index}: ${formatCount(state.documents)} documents, anchor ${anchor.toISOString()}${sidecar ? "" : " (from the newest document)"}`);
    return { index, anchor, documents: state.documents, seeding: { ...(sidecar?.seeding ?? { lines: state.documents }), seeded: false } };
  }
  return seedIndex(store, target, index, lines, log);
}

function shouldReuse(state: IndexState, lines: number, reuse: boolean): boolean {
  if (state.documents === 0 || state.newest === undefined) return false;
  if (reuse) return true;
  const sizeMatches = Math.abs(state.documents - lines) <= lines * COUNT_TOLERANCE;
  return sizeMatches && Date.now() - state.newest <= FRESH_MS;
}

async function seedIndex(store: LogStore, target: EngineTarget, index: string, lines: number, log: (line: string) => void): Promise<BenchData> {
  const anchor = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  log(`Seeding ~${formatCount(lines)} lines (seed ${SEED}) into ${index}, window ending ${anchor.toISOString()}`);
  await store.deleteIndex(index);
  const progress = seedProgressPrinter();
  const startedAt = performance.now();
  const truth = await seedDemoLogs(store, { index, seed: SEED, anchor, targetLines: lines, onProgress: progress.update });
  const seconds = (performance.now() - startedAt) / 1000;
  progress.done();
  const seeding: Seeding = { seeded: true, lines: truth.totals.lines, seconds, linesPerSecond: truth.totals.lines / seconds };
  log(`Seeded ${formatCount(truth.totals.lines)} lines in ${seconds.toFixed(1)} s: ${formatCount(seeding.linesPerSecond!)} lines/s (bulk + refresh)`);
  await writeSidecar(store, { url: target.url, index, anchor: anchor.toISOString(), seededAt: new Date().toISOString(), seeding });
  const state = await readIndexState(target, index);
  return { index, anchor, documents: state?.documents ?? truth.totals.lines, seeding };
}

async function readIndexState(target: EngineTarget, index: string): Promise<IndexState | undefined> {
  const body = JSON.stringify({ size: 0, track_total_hits: true, aggs: { newest: { max: { field: "@timestamp" } } } });
  const answer = await engineRequest<{ hits?: { total?: { value: number } }; aggregations?: { newest?: { value: number | null } } }>(
    target,
    "POST",
    `/${encodeURIComponent(index)}/_search`,
    body,
  );
  if (answer.status === 404) return undefined;
  if (answer.status >= 300) throw new Error(`reading ${index} answered HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  const newest = answer.body.aggregations?.newest?.value;
  return { documents: answer.body.hits?.total?.value ?? 0, newest: newest ?? undefined };
}

/** The seed's anchor is the minute after its newest line (documents end just before it). */
function anchorFromNewest(newest: number | undefined): Date {
  return new Date(Math.ceil(((newest ?? Date.now()) + 1) / 60_000) * 60_000);
}

function sidecarPath(store: LogStore, index: string): string {
  return path.join(SIDECAR_DIR, `${store.engine}-${index}.json`);
}

async function readSidecar(store: LogStore, index: string, url: string): Promise<Sidecar | undefined> {
  try {
    const sidecar = JSON.parse(await fs.readFile(sidecarPath(store, index), "utf8")) as Sidecar;
    return sidecar.url === url && sidecar.index === index ? sidecar : undefined;
  } catch {
    return undefined;
  }
}

async function writeSidecar(store: LogStore, sidecar: Sidecar): Promise<void> {
  await fs.mkdir(SIDECAR_DIR, { recursive: true });
  await fs.writeFile(sidecarPath(store, sidecar.index), `${JSON.stringify(sidecar, null, 2)}\n`);
}
