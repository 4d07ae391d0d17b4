import "server-only";
import { createDemoLogRun, type DemoLogOptions } from "@/lib/demo/generate-demo-logs";
import { DEMO_SOURCE_HAS_ECS, DEMO_SOURCE_NAMES, DEMO_SOURCE_TEMPLATE_FIELDS, toSourceDocuments, type DemoSourceName } from "@/lib/demo/demo-sources";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import type { DemoLogDocument } from "@/lib/demo/log-document";
import { DEFAULT_INDEX_PATTERN } from "@/lib/logs/field-mapping";
import { LOG_INDEX_TEMPLATE_NAME, LOG_INDEX_TEMPLATE_PRIORITY } from "@/lib/logs/index-template";
import { ensureLogIndexTemplate } from "@/lib/server/log-store/ensure-log-index-template";
import type { LogStore } from "@/lib/server/log-store/types";

export interface SeedProgress {
  written: number;
  targetLines: number;
  elapsedMs: number;
  linesPerSecond: number;
}

export interface SeedDemoLogsOptions extends Omit<DemoLogOptions, "batchSize"> {
  /** Every line, ECS-shaped, into this index; unless `sources` is given. */
  index: string;
  /**
   * Split the lines into the demo's three sources (lib/demo/demo-sources.ts), each into its own
   * index in its own shape; `index` is then not written.
   */
  sources?: Record<DemoSourceName, string>;
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
  const { index, sources, onProgress, concurrency = 4, ...demo } = options;
  const targets = sources ? Object.values(sources) : [index];
  if (sources) for (const name of DEMO_SOURCE_NAMES) await ensureTemplateFor(store, sources[name], DEMO_SOURCE_TEMPLATE_FIELDS[name], DEMO_SOURCE_HAS_ECS[name]);
  else await ensureTemplateFor(store, index);
  const run = createDemoLogRun({ ...demo, batchSize: BULK_DOCUMENTS });
  const startedAt = performance.now();
  const inFlight = new Set<Promise<void>>();
  let written = 0;
  let failure: Error | undefined;

  const writeTo = async (target: string, documents: Record<string, unknown>[]) => {
    if (documents.length === 0) return;
    const result = await store.bulkIndex(target, documents);
    if (result.failed > 0) throw new Error(`bulk indexing into ${target} rejected ${result.failed} documents: ${result.firstError ?? "no reason given"}`);
  };
  const write = async (batch: DemoLogDocument[]) => {
    try {
      await Promise.all(Object.entries(routeBatch(batch, index, sources)).map(([target, documents]) => writeTo(target, documents)));
      // Progress counts generated lines; PostgreSQL's copies of slow statements come on top.
      written += batch.length;
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
  for (const target of targets) await store.refresh(target);
  return run.groundTruth();
}

/** A batch by target index: all to `index`, or each line to its demo source's index in that source's shape. */
export function routeBatch(batch: DemoLogDocument[], index: string, sources?: Record<DemoSourceName, string>): Record<string, Record<string, unknown>[]> {
  if (!sources) return { [index]: batch as unknown as Record<string, unknown>[] };
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const doc of batch) for (const { source, document } of toSourceDocuments(doc)) (out[sources[source]] ??= []).push(document);
  return out;
}

/** The shared template covers logs-triage-*; any other index gets a template of its own. */
async function ensureTemplateFor(store: LogStore, index: string, fields: Record<string, Record<string, unknown>> = {}, ecs = true): Promise<void> {
  const prefix = DEFAULT_INDEX_PATTERN.replace(/\*$/, "");
  const shared = index.startsWith(prefix);
  if (shared && ecs && Object.keys(fields).length === 0) return ensureLogIndexTemplate(store);
  // An index under the shared pattern with fields of its own needs the higher priority: the engines refuse two equal ones.
  await ensureLogIndexTemplate(store, index, { name: `${LOG_INDEX_TEMPLATE_NAME}-${index}`, fields, ecs, priority: shared ? LOG_INDEX_TEMPLATE_PRIORITY + 1 : undefined });
}
