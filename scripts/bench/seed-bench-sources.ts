import { DEMO_SOURCE_MAPPINGS, DEMO_SOURCE_NAMES, type DemoSourceName } from "@/lib/demo/demo-sources";
import { seedDemoLogs } from "@/lib/server/demo/seed-demo-logs";
import type { LogStore } from "@/lib/server/log-store/types";
import type { ReadSource } from "@/lib/server/logs/log-context";
import { engineRequest } from "./engine-http";
import type { EngineTarget } from "./engine-target";
import { formatCount, seedProgressPrinter } from "./progress";

// The main bench index's seed and anchor: the same requests, so its picked request ids exist here too.
const SEED = 42;

export interface BenchSources {
  sources: ReadSource[];
  /** End of the seeded hour. */
  anchor: Date;
  /** Documents over all three indices. */
  documents: number;
}

const indexOf = (lines: number, source: DemoSourceName) => `bench-sources-${lines}-${source}`;

/**
 * The same demo traffic as three differently shaped sources (lib/demo/demo-sources.ts), `lines`
 * in total: the app's ECS lines, the gateway's pino-http lines and PostgreSQL's slow-statement log.
 */
export async function ensureBenchSources(store: LogStore, target: EngineTarget, lines: number, anchor: Date, log: (line: string) => void): Promise<BenchSources> {
  const indices = Object.fromEntries(DEMO_SOURCE_NAMES.map((name) => [name, indexOf(lines, name)])) as Record<DemoSourceName, string>;
  const sources = DEMO_SOURCE_NAMES.map((name) => ({ name, indexPattern: indices[name], mapping: DEMO_SOURCE_MAPPINGS[name] }));
  const state = await readState(target, Object.values(indices));
  // Seeded for this anchor already: its newest line falls in the anchor's last minute.
  if (state.documents > 0 && state.newest !== null && state.newest < anchor.getTime() && state.newest >= anchor.getTime() - 60_000) {
    log(`Reusing the three-source data: ${formatCount(state.documents)} documents`);
    return { sources, anchor, documents: state.documents };
  }
  log(`Seeding ~${formatCount(lines)} lines as three sources (${Object.values(indices).join(", ")})`);
  for (const index of Object.values(indices)) await store.deleteIndex(index);
  const progress = seedProgressPrinter();
  await seedDemoLogs(store, { index: indices.app, sources: indices, seed: SEED, anchor, targetLines: lines, onProgress: progress.update });
  progress.done();
  return { sources, anchor, documents: (await readState(target, Object.values(indices))).documents };
}

/** Documents over the indices and the newest line's time (the app's ECS `@timestamp`). */
async function readState(target: EngineTarget, indices: string[]): Promise<{ documents: number; newest: number | null }> {
  const body = JSON.stringify({ size: 0, track_total_hits: true, aggs: { newest: { max: { field: "@timestamp" } } } });
  const answer = await engineRequest<{ hits?: { total?: { value: number } }; aggregations?: { newest?: { value: number | null } } }>(
    target,
    "POST",
    `/${indices.map(encodeURIComponent).join(",")}/_search?ignore_unavailable=true&allow_no_indices=true`,
    body,
  );
  if (answer.status >= 300) return { documents: 0, newest: null };
  return { documents: answer.body.hits?.total?.value ?? 0, newest: answer.body.aggregations?.newest?.value ?? null };
}
