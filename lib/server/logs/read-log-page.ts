import "server-only";
import { buildLogPageQuery, type LogPageQueryInput } from "@/lib/logs/build-log-page-query";
import { cutLivePage, liveReadOrder, liveSearchAfter } from "@/lib/logs/live-page";
import type { PageCursor } from "@/lib/logs/page-cursor";
import type { PageRead } from "@/lib/logs/plan-log-paging";
import { CURSOR_MESSAGE } from "@/lib/schemas/log-search";
import { badRequest, DatabaseUnavailableError, isDatabaseConnectionError } from "../errors";
import { logger } from "../logger";
import { PointInTimeGoneError, PointInTimeRefusedError } from "../log-store/types";
import type { RedactedSearchHit, RedactedSearchResult } from "./redacting-log-store";
import { acquireExplorerPit, forgetExplorerPit, renewExplorerPit, type AcquiredPit, type ExplorerPitAccess, type ExplorerPitSlot } from "./explorer-pits";

export const PAGE_NOTICES = {
  refused: "The search engine would not open a point in time for paging (it may be holding too many), so this page was read without one: lines that arrive or change while you page may shift between pages.",
  noRegistry: "Postgres is unreachable, so this page was read without a point in time: lines that arrive or change while you page may shift between pages.",
  newSnapshot: "The point in time these pages were read in had expired, so this page was read in a new one: lines that arrived or changed since may shift between pages.",
  skippedTies: "More lines share one millisecond than fit on a page, and without a point in time only one page of them can be shown: narrow the query or choose a larger page size.",
} as const;

export type PageBase = Omit<LogPageQueryInput, "size" | "pit" | "liveAfter">;
/** A search through the context's store: its answers are redacted. */
export type Search = (body: Record<string, unknown>) => Promise<RedactedSearchResult>;

export interface PageReadResult {
  result: RedactedSearchResult;
  /** In display order. */
  shown: RedactedSearchHit[];
  read: PageRead;
  notices: string[];
}

const cursorError = () => badRequest(CURSOR_MESSAGE, { cursor: CURSOR_MESSAGE });
const isDatabaseDown = (error: unknown) => error instanceof DatabaseUnavailableError || isDatabaseConnectionError(error);

/**
 * Reads a page in the viewer's point in time for the view (from `cursor`, or from the start), or
 * answers { unavailable: notice } when none can be had (the engine refused one, Postgres is down)
 * so the caller reads live instead. A point in time the engine forgot is replaced once.
 */
export async function readInSnapshot(search: Search, base: PageBase, size: number, slot: ExplorerPitSlot, access: ExplorerPitAccess, cursor: PageCursor | null): Promise<PageReadResult | { unavailable: string }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    let pit: AcquiredPit;
    try {
      pit = await acquireExplorerPit(slot, access);
    } catch (error) {
      if (error instanceof PointInTimeRefusedError) {
        logger.warn({ reason: error.message }, "the engine refused an explorer point in time; paging without one");
        return { unavailable: PAGE_NOTICES.refused };
      }
      if (isDatabaseDown(error)) return { unavailable: PAGE_NOTICES.noRegistry };
      throw error;
    }
    const direction = cursor?.direction ?? "next";
    let result: RedactedSearchResult;
    try {
      result = await search(buildLogPageQuery({ ...base, size, pit: { id: pit.id, keepAlive: `${access.keepAliveSeconds}s`, after: cursor?.after, direction } }));
    } catch (error) {
      if (!(error instanceof PointInTimeGoneError)) throw error;
      await forgetExplorerPit(slot, pit.id).catch(() => undefined);
      if (pit.opened) throw cursorError();
      continue;
    }
    await renewExplorerPit(slot, access, pit, result.pitId ?? pit.id).catch((error: unknown) => logger.warn({ err: error }, "could not renew an explorer point in time"));
    const shown = direction === "prev" ? [...result.hits].reverse() : result.hits;
    const notices = pit.opened && cursor?.snapshot ? [PAGE_NOTICES.newSnapshot] : [];
    return { result, shown, read: { kind: "snapshot" }, notices };
  }
  throw cursorError();
}

/** A page without a point in time: by time alone, one line extra, cut between milliseconds (see live-page.ts). */
export async function readLive(search: Search, base: PageBase, size: number, cursor: PageCursor | null): Promise<PageReadResult & { skippedTies: boolean }> {
  const order = cursor ? liveReadOrder(base.order, cursor.direction) : base.order;
  const liveAfter = cursor ? liveSearchAfter(cursor.after, cursor.direction, base.order) : undefined;
  const result = await search(buildLogPageQuery({ ...base, order, size: size + 1, liveAfter }));
  const page = cutLivePage(result.hits, size, base.order, cursor ?? undefined);
  const notices = page.skippedTies ? [PAGE_NOTICES.skippedTies] : [];
  return { result, shown: page.shown, read: { kind: "live", next: page.next, prev: page.prev }, notices, skippedTies: page.skippedTies };
}
