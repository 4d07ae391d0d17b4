import "server-only";
import { generateDemoLogs } from "@/lib/demo/generate-demo-logs";
import type { DemoSourceName } from "@/lib/demo/demo-sources";
import type { LogStore } from "@/lib/server/log-store/types";
import { routeBatch } from "./seed-demo-logs";

export interface LiveTrafficOptions {
  index: string;
  /** Write each line to its demo source's index, in that source's shape (see seedDemoLogs). */
  sources?: Record<DemoSourceName, string>;
  seed: number;
  /** Stops the stream; the returned promise then resolves. */
  signal: AbortSignal;
  /** Default 5,000 ms. */
  intervalMs?: number;
  /** Roughly how many requests each tick writes; default 6. */
  requestsPerTick?: number;
  onTick?: (tick: { tick: number; lines: number; anchor: string }) => void;
  /** Without it a failed write ends the stream with that error; with it the stream goes on. */
  onError?: (error: unknown) => void;
}

const LINES_PER_REQUEST = 7;

/**
 * Appends a small batch of normal traffic (no incidents) ending "now" at every tick, with
 * the seed advancing per tick, until the signal fires. Keeps relative views moving.
 */
export async function streamLiveTraffic(store: LogStore, options: LiveTrafficOptions): Promise<{ ticks: number; lines: number }> {
  const { index, sources, seed, signal, intervalMs = 5_000, requestsPerTick = 6 } = options;
  let ticks = 0;
  let lines = 0;
  while (!signal.aborted) {
    const anchor = Date.now();
    const { documents } = generateDemoLogs({
      seed: (seed + ticks + 1) >>> 0,
      anchor,
      targetLines: requestsPerTick * LINES_PER_REQUEST,
      windowMinutes: intervalMs / 60_000,
      incidents: false,
    });
    try {
      let written = 0;
      for (const [target, batch] of Object.entries(routeBatch(documents, index, sources))) {
        const result = await store.bulkIndex(target, batch);
        if (result.failed > 0) throw new Error(`live traffic: ${result.failed} documents rejected by ${target}: ${result.firstError ?? "no reason given"}`);
        written += result.indexed;
      }
      lines += written;
      options.onTick?.({ tick: ticks, lines: written, anchor: new Date(anchor).toISOString() });
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(error);
    }
    ticks += 1;
    await sleep(intervalMs, signal);
  }
  return { ticks, lines };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
