import type { LogPaging } from "@/lib/schemas/log-search";
import { BEFORE_ANY_SHARD_DOC } from "./build-log-page-query";
import { encodePageCursor } from "./page-cursor";

export interface PagingInput {
  page: number;
  offset: number;
  size: number;
  total: number;
  /** The page's lines in display order, with their sort values. */
  shown: Array<{ sort?: unknown[] }>;
  /** The point in time the page was read in (as last renewed); null for the live first page. */
  pitId: string | null;
  /** Live first page only: the timestamp page 2 starts at (see cutFirstPage). */
  boundary?: unknown;
  range: { from: number; to: number };
  fingerprint: string;
}

/**
 * The cursors a page hands out. "Previous" reads backwards from the page's first line in the same
 * point in time, so the URL holds one cursor, never a stack; from page 2 it is the first page.
 */
export function planLogPaging(input: PagingInput): LogPaging {
  const { page, offset, shown, pitId } = input;
  const common = { from: input.range.from, to: input.range.to, fingerprint: input.fingerprint };
  const last = shown.at(-1)?.sort;
  const first = shown[0]?.sort;
  let nextCursor: string | null = null;
  if (offset + shown.length < input.total) {
    if (pitId && last) nextCursor = encodePageCursor({ ...common, pit: pitId, after: last, direction: "next", page: page + 1, offset: offset + shown.length });
    else if (!pitId && input.boundary !== undefined) {
      nextCursor = encodePageCursor({ ...common, pit: null, after: [input.boundary, BEFORE_ANY_SHARD_DOC], direction: "next", page: page + 1, offset: offset + shown.length });
    }
  }
  const prevCursor = page > 2 && pitId && first ? encodePageCursor({ ...common, pit: pitId, after: first, direction: "prev", page: page - 1, offset: Math.max(0, offset - input.size) }) : null;
  return { page, offset, nextCursor, prevCursor, isFirstPage: page === 1 };
}
