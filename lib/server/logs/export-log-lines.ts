import "server-only";
import { buildLogExportPage, nextPageSize } from "@/lib/logs/build-log-export-query";
import { csvHeader, csvRow, csvTrailer, csvValues, EXPORT_CONTENT_TYPES, exportFileName, ndjsonLine, ndjsonTrailer, type ExportTrailer } from "@/lib/logs/export-format";
import { redactDocument } from "@/lib/logs/redact";
import type { LogExportParams } from "@/lib/schemas/log-export";
import { getEnv } from "../env";
import { LogStoreQueryError, PointInTimeGoneError, type SearchHit } from "../log-store/types";
import { logger } from "../logger";
import type { LogContext } from "./log-context";
import { asQueryError, prepareLogView } from "./prepare-log-view";

export interface LogExport {
  body: ReadableStream<Uint8Array>;
  fileName: string;
  contentType: string;
  /** Lines matching the filters, counted exactly within the point in time. */
  total: number;
  /** Lines the file will hold: min(total, cap). */
  lines: number;
  truncated: boolean;
}

export interface ExportLimits {
  /** EXPORT_MAX_LINES: `limit` can lower the cap, never raise it. */
  maxLines: number;
  batchSize?: number;
}

export const configuredExportLimits = (): ExportLimits => ({ maxLines: getEnv().EXPORT_MAX_LINES });

// Long enough for a slow reader between two pages; each page renews it.
const KEEP_ALIVE = "2m";
const BATCH_SIZE = 5_000;

/**
 * Streams the explorer's current result as NDJSON or CSV, redacted line by line. The first page
 * is fetched before the response starts, so a bad query is still a 400 and the headers can say
 * whether the cap cut the file; later pages follow the reader (pull), through one point in time.
 */
export async function exportLogLines(params: LogExportParams, context: LogContext, limits: ExportLimits): Promise<LogExport> {
  const { store, signal, rules } = context;
  const { mapping, indexPattern } = context.settings;
  // The explorer's own preparation (range, query checks, default query fields, filters): the file holds what the table shows.
  const { range, filters } = await prepareLogView(params, context);
  const { from, to } = range;
  const cap = Math.min(params.limit ?? limits.maxLines, limits.maxLines);
  const batchSize = limits.batchSize ?? BATCH_SIZE;

  let pitId = await store.openPointInTime(indexPattern, KEEP_ALIVE, { signal });
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await store.closePointInTime(pitId).catch((error: unknown) => logger.warn({ err: error }, "could not close an export's point in time"));
  };
  let exported = 0;
  const fetchPage = async (searchAfter?: unknown[]) => {
    const body = buildLogExportPage({ filters, mapping, order: params.order, size: nextPageSize(batchSize, cap, exported), pit: { id: pitId, keepAlive: KEEP_ALIVE }, searchAfter });
    const result = await store.search({ index: indexPattern, body }, { signal });
    // The engine may hand back a new id for the same point in time; the latest one must be used.
    if (result.pitId) pitId = result.pitId;
    return result;
  };

  let first;
  try {
    first = await fetchPage();
  } catch (error) {
    await release();
    // A point in time opened a moment ago is not gone: the engine refused the query itself (a 400).
    if (error instanceof PointInTimeGoneError) throw asQueryError(new LogStoreQueryError(error.message.replace(/^the point in time is gone \(HTTP \d+\): /, ""), { cause: error }), params.q);
    throw asQueryError(error, params.q);
  }
  const total = first.total;
  const lines = Math.min(total, cap);
  const encoder = new TextEncoder();
  const encodeHit = (hit: SearchHit) => {
    const source = redactDocument(hit._source, rules).value;
    return params.format === "csv" ? csvRow(csvValues(source, mapping, params.columns)) : ndjsonLine(source);
  };
  const trailer = (note: ExportTrailer) => encoder.encode(params.format === "csv" ? csvTrailer(note) : ndjsonTrailer(note));
  signal?.addEventListener("abort", () => void release(), { once: true });

  let pending: SearchHit[] | null = first.hits;
  let lastSort: unknown[] | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (params.format === "csv") controller.enqueue(encoder.encode(csvHeader(params.columns)));
    },
    async pull(controller) {
      try {
        if (signal?.aborted) throw signal.reason;
        const hits = pending ?? (await fetchPage(lastSort)).hits;
        pending = null;
        const take = hits.slice(0, lines - exported);
        if (take.length > 0) {
          controller.enqueue(encoder.encode(take.map(encodeHit).join("")));
          exported += take.length;
          lastSort = take.at(-1)!.sort;
        }
        if (exported < lines && take.length > 0) return;
        if (total > exported) controller.enqueue(trailer({ kind: "truncated", exported, total }));
        await release();
        controller.close();
      } catch (error) {
        await release();
        // The reader is gone: there is no one to tell.
        if (signal?.aborted) return controller.error(error);
        // Headers are long sent; the file itself must say it is incomplete.
        logger.error({ err: error }, "log export stopped");
        controller.enqueue(trailer({ kind: "error", exported, total, message: error instanceof Error ? error.message : String(error) }));
        controller.close();
      }
    },
    async cancel() {
      await release();
    },
  });
  return { body, fileName: exportFileName(params.format, from, to), contentType: EXPORT_CONTENT_TYPES[params.format], total, lines, truncated: total > cap };
}
