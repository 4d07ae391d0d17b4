import { BEFORE_ANY_SHARD_DOC } from "./build-log-page-query";
import type { SortPosition } from "./page-cursor";
import { cutFirstPage } from "./shape-log-page";

/**
 * Paging without a point in time (the engine refused one): sorted by time alone, so there is
 * no tiebreaker and a page may only end between two milliseconds. Every page is read with one
 * line extra and cut like the live first page; cursors point at the start of a millisecond's run.
 */

type Order = "asc" | "desc";
type Direction = "next" | "prev";

const flip = (order: Order): Order => (order === "desc" ? "asc" : "desc");
/** The millisecond right after `t` in display order: where a page that ends with all of t's run goes on. */
const runAfter = (t: number, order: Order) => (order === "desc" ? t - 1 : t + 1);

/** A cursor that names a _shard_doc points inside a run (it came from a point in time); a live read takes the whole run then. */
const includesRun = (after: SortPosition, direction: Direction) => direction === "next" || after[1] !== BEFORE_ANY_SHARD_DOC;

/** The order the engine reads in: the view's order forwards, the reverse for "prev". */
export const liveReadOrder = (order: Order, direction: Direction): Order => (direction === "next" ? order : flip(order));

/**
 * search_after (one value: the time) for a live read from a cursor. "next" starts with every line
 * of the cursor's millisecond; "prev" ends just before it (or with it, when the cursor came from
 * a point in time and pointed inside it; a line may then show twice, which the notice allows).
 */
export function liveSearchAfter(after: SortPosition, direction: Direction, order: Order): [number] {
  const [t] = after;
  if (!includesRun(after, direction)) return [t];
  return [liveReadOrder(order, direction) === "desc" ? t + 1 : t - 1];
}

export interface LivePage<H> {
  /** In display order. */
  shown: H[];
  next: SortPosition | null;
  prev: SortPosition | null;
  /** More lines share one millisecond than fit on a page: the rest of that run is skipped. */
  skippedTies: boolean;
}

const timeOf = (hit: { sort?: unknown[] } | undefined) => hit?.sort?.[0] as number;

/**
 * Cuts `size + 1` hits in read order into a page and the positions either side. Reading from a
 * cursor that went "prev", the page after this one starts where that cursor pointed.
 */
export function cutLivePage<H extends { sort?: unknown[] }>(hits: H[], size: number, order: Order, cursor?: { after: SortPosition; direction: Direction }): LivePage<H> {
  const direction = cursor?.direction ?? "next";
  const cut = cutFirstPage(hits, size);
  const read = cut.shown;
  const shown = direction === "next" ? read : [...read].reverse();
  const skippedTies = cut.kind === "all-tied";
  // The far edge, in read order: the run the cut left for the following read, or past an over-full run.
  let far: SortPosition | null = null;
  if (cut.kind === "cut") far = [cut.boundary as number, BEFORE_ANY_SHARD_DOC];
  if (cut.kind === "all-tied") far = direction === "next" ? [runAfter(timeOf(read[0]), order), BEFORE_ANY_SHARD_DOC] : [timeOf(read[0]), BEFORE_ANY_SHARD_DOC];
  if (direction === "next") {
    return { shown, next: far, prev: shown.length > 0 ? [timeOf(shown[0]), BEFORE_ANY_SHARD_DOC] : null, skippedTies };
  }
  // Read backwards: the far edge is this page's "previous"; its "next" is where the cursor pointed.
  const [t] = cursor!.after;
  const next: SortPosition = [includesRun(cursor!.after, "prev") ? runAfter(t, order) : t, BEFORE_ANY_SHARD_DOC];
  const prev: SortPosition | null = cut.kind === "cut" ? [timeOf(shown[0]), BEFORE_ANY_SHARD_DOC] : far;
  return { shown, next, prev, skippedTies };
}
