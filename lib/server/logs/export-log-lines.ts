import "server-only";
import { buildLogExportPage, nextPageSize } from "@/lib/logs/build-log-export-query";
import { csvHeader, csvRow, csvTrailer, csvValues, EXPORT_CONTENT_TYPES, exportFileName, ndjsonLine, ndjsonTrailer, type ExportTrailer } from "@/lib/logs/export-format";
import { describeSecretFieldUse, secretFieldUse } from "@/lib/logs/secret-fields";
import type { LogExportParams } from "@/lib/schemas/log-export";
import { stripUrlCredentialsInText } from "@/lib/security/strip-url-credentials";
import { getEnv } from "../env";
import { badRequest } from "../errors";
import { LogStoreQueryError, PointInTimeGoneError } from "../log-store/types";
import { logger } from "../logger";
import { instanceExportSlots, type ExportSlots } from "./export-slots";
import type { LogContext } from "./log-context";
import type { RedactedSearchHit } from "./redacting-log-store";
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
  /** EXPORT_MAX_PER_USER / EXPORT_MAX_PER_INSTANCE: concurrent exports, counted in `slots`. */
  maxPerUser?: number;
  maxPerInstance?: number;
  /** EXPORT_STALL_TIMEOUT_MS: a reader that takes nothing for this long is dropped and its point in time closed. */
  stallTimeoutMs?: number;
  /** The instance's own by default. */
  slots?: ExportSlots;
}

export const DEFAULT_EXPORT_LIMITS = { maxPerUser: 2, maxPerInstance: 8, stallTimeoutMs: 60_000 } as const;

export function configuredExportLimits(): ExportLimits {
  const env = getEnv();
  return { maxLines: env.EXPORT_MAX_LINES, maxPerUser: env.EXPORT_MAX_PER_USER, maxPerInstance: env.EXPORT_MAX_PER_INSTANCE, stallTimeoutMs: env.EXPORT_STALL_TIMEOUT_MS };
}

const BATCH_SIZE = 5_000;
/** Exports run without a viewer (jobs) share one per-user bound. */
const UNATTRIBUTED_VIEWER = "unattributed";

/** The reader went quiet for longer than the stall timeout; the response is dropped. */
export class ExportStalledError extends Error {
  constructor(timeoutMs: number) {
    super(`the export's reader took nothing for ${timeoutMs} ms and was dropped`);
    this.name = "ExportStalledError";
  }
}

/**
 * Streams the explorer's current result as NDJSON or CSV, redacted line by line. The first page
 * is fetched before the response starts, so a bad query is still a 400 and the headers can say
 * whether the cap cut the file; later pages follow the reader (pull), through one point in time.
 */
export async function exportLogLines(params: LogExportParams, context: LogContext, limits: ExportLimits): Promise<LogExport> {
  const { maxPerUser, maxPerInstance, stallTimeoutMs } = { ...DEFAULT_EXPORT_LIMITS, ...limits };
  const freeSlot = (limits.slots ?? instanceExportSlots()).acquire(context.viewer?.id ?? UNATTRIBUTED_VIEWER, { perUser: maxPerUser, perInstance: maxPerInstance });
  try {
    return await streamExport(params, context, limits, stallTimeoutMs, freeSlot);
  } catch (error) {
    freeSlot();
    throw error;
  }
}

async function streamExport(params: LogExportParams, context: LogContext, limits: ExportLimits, stallTimeoutMs: number, freeSlot: () => void): Promise<LogExport> {
  const { store, signal } = context;
  const { mapping, indexPattern } = context.settings;
  // The explorer's own preparation (range, query checks, default query fields, filters): the file holds what the table shows.
  const { range, filters, catalog } = await prepareLogView(params, context);
  for (const column of params.columns) {
    const secret = secretFieldUse(column, catalog, context.rules);
    if (secret) throw badRequest(`Columns: ${describeSecretFieldUse(secret, "exported")}`, { columns: describeSecretFieldUse(secret, "exported") });
  }
  const { from, to } = range;
  const cap = Math.min(params.limit ?? limits.maxLines, limits.maxLines);
  const batchSize = limits.batchSize ?? BATCH_SIZE;
  // Outlives a stalled reader's grace, so it is the stall timeout, not the engine, that ends an idle export.
  const keepAlive = `${Math.max(120, Math.ceil(stallTimeoutMs / 1000) + 30)}s`;

  let pitId = await store.openPointInTime(indexPattern, keepAlive, { signal });
  let released = false;
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  const release = async () => {
    if (released) return;
    released = true;
    clearTimeout(stallTimer);
    freeSlot();
    await store.closePointInTime(pitId).catch((error: unknown) => logger.warn({ err: error }, "could not close an export's point in time"));
  };
  let exported = 0;
  const fetchPage = async (searchAfter?: unknown[]) => {
    const body = buildLogExportPage({ filters, mapping, order: params.order, size: nextPageSize(batchSize, cap, exported), pit: { id: pitId, keepAlive }, searchAfter });
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
  // Redacted already: the context's store answers with redacted hits only (the type says so).
  const encodeHit = (hit: RedactedSearchHit) => {
    return params.format === "csv" ? csvRow(csvValues(hit._source, mapping, params.columns)) : ndjsonLine(hit._source);
  };
  const trailer = (note: ExportTrailer) => encoder.encode(params.format === "csv" ? csvTrailer(note) : ndjsonTrailer(note));
  signal?.addEventListener("abort", () => void release(), { once: true });

  let pending: RedactedSearchHit[] | null = first.hits;
  let lastSort: unknown[] | undefined;
  // The stream pulls only when its reader takes what is queued, so a pull that never comes means a stalled reader.
  const watchForStall = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      logger.warn({ stallTimeoutMs }, "log export reader stalled; dropping it");
      void release();
      controller.error(new ExportStalledError(stallTimeoutMs));
    }, stallTimeoutMs);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (params.format === "csv") controller.enqueue(encoder.encode(csvHeader(params.columns)));
      watchForStall(controller);
    },
    async pull(controller) {
      clearTimeout(stallTimer);
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
        if (exported < lines && take.length > 0) return watchForStall(controller);
        if (total > exported) controller.enqueue(trailer({ kind: "truncated", exported, total }));
        await release();
        controller.close();
      } catch (error) {
        await release();
        // The reader is gone: there is no one to tell.
        if (signal?.aborted) return controller.error(error);
        // Headers are long sent; the file itself must say it is incomplete.
        logger.error({ err: error }, "log export stopped");
        controller.enqueue(trailer({ kind: "error", exported, total, message: stripUrlCredentialsInText(error instanceof Error ? error.message : String(error)) }));
        controller.close();
      }
    },
    async cancel() {
      await release();
    },
  });
  return { body, fileName: exportFileName(params.format, from, to), contentType: EXPORT_CONTENT_TYPES[params.format], total, lines, truncated: total > cap };
}
