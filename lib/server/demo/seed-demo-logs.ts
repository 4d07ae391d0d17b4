import "server-only";
import { createDemoLogRun, type DemoLogOptions } from "@/lib/demo/generate-demo-logs";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import { DEFAULT_INDEX_PATTERN } from "@/lib/logs/field-mapping";
import { LOG_INDEX_TEMPLATE_NAME } from "@/lib/logs/index-template";
import { ensureLogIndexTemplate } from "@/lib/server/log-store/ensure-log-index-template";
import type { LogStore } from "@/lib/server/log-store/types";

export interface SeedProgress {
  written: number;
  targetLines: number;
  elapsedMs: number;
  linesPerSecond: number;
}

export interface SeedDemoLogsOptions extends Omit<DemoLogOptions, "batchSize"> {
  index: string;
  onProgress?: (progress: SeedProgress) => void;
  /** Bulk requests in flight at once; generation overlaps with indexing. Default 4. */
  concurrency?: number;
}

const BULK_DOCUMENTS = 5_000;

/**
 * Writes a demo run into `index` (bulk requests of 5,000 documents), refreshes it so
 * every line is searchable, and returns the run's ground truth.
 */
export async function seedDemoLogs(store: LogStore, options: SeedDemoLogsOptions): Promise<DemoGroundTruth> {
  const { index, onProgress, concurrency = 4, ...demo } = options;
  await ensureTemplateFor(store, index);
  const run = createDemoLogRun({ ...demo, batchSize: BULK_DOCUMENTS });
  const startedAt = performance.now();
  const inFlight = new Set<Promise<void>>();
  let written = 0;
  let failure: Error | undefined;

  const write = async (batch: Record<string, unknown>[]) => {
    try {
      const result = await store.bulkIndex(index, batch);
      if (result.failed > 0) throw new Error(`bulk indexing into ${index} rejected ${result.failed} documents: ${result.firstError ?? "no reason given"}`);
      written += result.indexed;
      const elapsedMs = performance.now() - startedAt;
      onProgress?.({ written, targetLines: demo.targetLines, elapsedMs, linesPerSecond: (written / Math.max(elapsedMs, 1)) * 1000 });
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
  };

  for (const batch of run.batches()) {
    if (failure) break;
    const pending: Promise<void> = write(batch).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  await store.refresh(index);
  return run.groundTruth();
}

/** The shared template covers logs-triage-*; any other index gets a template of its own. */
async function ensureTemplateFor(store: LogStore, index: string): Promise<void> {
  const prefix = DEFAULT_INDEX_PATTERN.replace(/\*$/, "");
  if (index.startsWith(prefix)) await ensureLogIndexTemplate(store);
  else await ensureLogIndexTemplate(store, index, { name: `${LOG_INDEX_TEMPLATE_NAME}-${index}` });
}
