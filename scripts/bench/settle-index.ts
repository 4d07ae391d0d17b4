import { engineRequestOrThrow } from "./engine-http";
import type { EngineTarget } from "./engine-target";

const MERGE_WAIT_MS = 180_000;
const POLL_MS = 1_000;

/**
 * Readies the index for timing: no shard request cache, and no merges left from seeding
 * (right after a bulk load they made the first runs up to 20 times slower).
 */
export async function settleIndex(target: EngineTarget, index: string, log: (line: string) => void): Promise<void> {
  await disableRequestCache(target, index);
  await waitForMerges(target, index, log);
}

/**
 * Every refresh of the overview asks for a new "now", so the shard request cache never answers
 * it in use; left on, repeated identical iterations would time the cache.
 */
async function disableRequestCache(target: EngineTarget, index: string): Promise<void> {
  await engineRequestOrThrow(target, "PUT", `/${encodeURIComponent(index)}/_settings`, JSON.stringify({ index: { requests: { cache: { enable: false } } } }));
}

/** Waits until two polls in a row see no merge running on the index. */
async function waitForMerges(target: EngineTarget, index: string, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  let quietPolls = 0;
  let reported = false;
  while (quietPolls < 2) {
    const running = await runningMerges(target, index);
    quietPolls = running === 0 ? quietPolls + 1 : 0;
    if (running > 0 && !reported) {
      log(`Waiting for ${running} background merge(s) on ${index} to finish`);
      reported = true;
    }
    if (Date.now() - started > MERGE_WAIT_MS) {
      log(`Merges still running after ${MERGE_WAIT_MS / 1000} s; measuring anyway`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (reported) log(`Merges done after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function runningMerges(target: EngineTarget, index: string): Promise<number> {
  const stats = await engineRequestOrThrow<{ _all?: { total?: { merges?: { current?: number } } } }>(target, "GET", `/${encodeURIComponent(index)}/_stats/merge`);
  return stats._all?.total?.merges?.current ?? 0;
}
