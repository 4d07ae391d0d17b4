import "server-only";
import { generateDemoLogs } from "@/lib/demo/generate-demo-logs";
import type { LogStore } from "@/lib/server/log-store/types";

export interface LiveTrafficOptions {
  index: string;
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
  const { index, seed, signal, intervalMs = 5_000, requestsPerTick = 6 } = options;
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
      const result = await store.bulkIndex(index, documents);
      if (result.failed > 0) throw new Error(`live traffic: ${result.failed} documents rejected: ${result.firstError ?? "no reason given"}`);
      lines += result.indexed;
      options.onTick?.({ tick: ticks, lines: result.indexed, anchor: new Date(anchor).toISOString() });
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
