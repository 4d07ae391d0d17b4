import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { logSearchParamsSchema } from "@/lib/schemas/log-search";
import type { LogStore } from "@/lib/server/log-store/types";
import { getLogPage } from "@/lib/server/logs/get-log-page";
import { createLogContext } from "@/lib/server/logs/log-context";
import { ViewCache } from "@/lib/server/logs/view-cache";
import { getOverview } from "@/lib/server/overview/get-overview";
import { countEngineCalls } from "@/lib/testing/count-engine-calls";
import { engineRequestOrThrow } from "./engine-http";
import type { EngineTarget } from "./engine-target";
import { median, percentile, summarize, type Summary } from "./stats";

/** The defaults an app instance runs with (VIEW_* in the README), so the bench measures what users get. */
const newCache = () => new ViewCache({ maxBytes: 64 * 1024 * 1024, settleLagMs: 120_000, reuseMs: 5_000, topListsMs: 60_000 });

export interface RefreshShare {
  view: string;
  /** Engine time (query + fetch, from its own node counters) of the full view and of a refresh 5 s later, per round. */
  fullMs: number[];
  refreshMs: number[];
  /** Median of refresh / full per round. */
  share: number;
}

export interface CoalescingResult {
  viewers: number;
  /** _msearch calls that reached the engine for the 50 views (the target is 1). */
  engineRequests: number[];
  /** Latency of each viewer's answer; its p95 against one viewer's p50 alone (cold, no cache). */
  viewerMs: Summary;
  aloneP50Ms: number;
}

export interface IncrementalReport {
  refresh: RefreshShare[];
  coalescing: CoalescingResult;
}

interface NodeSearchStats {
  nodes: Record<string, { indices: { search: { query_time_in_millis: number; fetch_time_in_millis: number } } }>;
}

/** The engine's own search time so far (every shard's query and fetch phases, all nodes). */
export async function engineSearchMs(target: EngineTarget): Promise<number> {
  const stats = await engineRequestOrThrow<NodeSearchStats>(target, "GET", "/_nodes/stats/indices/search");
  return Object.values(stats.nodes).reduce((sum, node) => sum + node.indices.search.query_time_in_millis + node.indices.search.fetch_time_in_millis, 0);
}

async function engineTimeOf(target: EngineTarget, work: () => Promise<unknown>): Promise<number> {
  const before = await engineSearchMs(target);
  await work();
  return (await engineSearchMs(target)) - before;
}

/**
 * Issue 13's figures: what a refresh 5 s after a full view costs the engine (overview, explorer
 * first page), and what 50 identical views at once cost. Each round starts from an empty cache;
 * the views run on a clock set to the seed's anchor, as "now-1h" to "now".
 */
export async function measureIncremental(store: LogStore, target: EngineTarget, index: string, anchor: Date, rounds: number): Promise<IncrementalReport> {
  const settings = { indexPattern: index, mapping: ECS_FIELD_MAPPING };
  const at = (cache: ViewCache | undefined, offsetMs: number, on: LogStore = store) => createLogContext({ store: on, settings, now: new Date(anchor.getTime() + offsetMs), ...(cache ? { viewCache: cache } : {}) });
  const overview = (cache: ViewCache | undefined, offsetMs: number, on?: LogStore) => getOverview({ from: "now-1h", to: "now", service: [], environment: [], source: [] }, at(cache, offsetMs, on));
  const explorerParams = logSearchParamsSchema.parse({ from: "now-1h", to: "now" });
  const explorer = (cache: ViewCache | undefined, offsetMs: number) => getLogPage(explorerParams, at(cache, offsetMs));

  const refresh: RefreshShare[] = [];
  for (const [view, run] of [["overview", overview], ["explorer, first page", explorer]] as const) {
    const fullMs: number[] = [];
    const refreshMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const cache = newCache();
      // Rounds start 10 s apart, so no round meets the previous one's aligned tail in the engine's own caches.
      const offset = round * 10_000;
      fullMs.push(await engineTimeOf(target, () => run(cache, offset)));
      refreshMs.push(await engineTimeOf(target, () => run(cache, offset + 5_000)));
    }
    refresh.push({ view, fullMs, refreshMs, share: median(refreshMs.map((ms, i) => ms / Math.max(fullMs[i]!, 1))) });
  }

  const aloneMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await overview(undefined, 0);
    aloneMs.push(performance.now() - started);
  }
  const engineRequests: number[] = [];
  const viewerMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cache = newCache();
    const counting = countEngineCalls(store);
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        const started = performance.now();
        await overview(cache, round * 10_000, counting.store);
        viewerMs.push(performance.now() - started);
      }),
    );
    engineRequests.push(counting.calls.filter((call) => call === "msearch").length);
  }
  return { refresh, coalescing: { viewers: 50, engineRequests, viewerMs: summarize(viewerMs), aloneP50Ms: percentile(aloneMs, 50) } };
}

export function formatIncremental(report: IncrementalReport): string {
  const lines = ["Incremental views (fresh cache per round; engine time from _nodes/stats query + fetch deltas):"];
  for (const row of report.refresh) {
    lines.push(`  ${row.view}: full view ${median(row.fullMs).toFixed(0)} ms engine time, refresh 5 s later ${median(row.refreshMs).toFixed(0)} ms: ${(row.share * 100).toFixed(1)}% of the full view (median of ${row.fullMs.length} rounds)`);
  }
  const { coalescing } = report;
  lines.push(
    `  ${coalescing.viewers} identical overviews at once: ${[...new Set(coalescing.engineRequests)].join("/")} engine request(s) per round; p95 ${coalescing.viewerMs.p95.toFixed(0)} ms vs one viewer's p50 ${coalescing.aloneP50Ms.toFixed(0)} ms (${(coalescing.viewerMs.p95 / coalescing.aloneP50Ms).toFixed(2)}x)`,
  );
  return lines.join("\n");
}
