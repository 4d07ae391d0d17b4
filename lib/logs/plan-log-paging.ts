import type { LogPaging } from "@/lib/schemas/log-search";
import { encodePageCursor, type PageCursor, type SortPosition } from "./page-cursor";

/** How a page was read: in a point in time (cursors at its lines) or live (cursors at millisecond edges; see live-page.ts). */
export type PageRead = { kind: "snapshot" } | { kind: "live"; next: SortPosition | null; prev: SortPosition | null };

export interface PagingInput {
  page: number;
  offset: number;
  size: number;
  total: number;
  /** The page's lines in display order, with their sort values. */
  shown: Array<{ sort?: unknown[] }>;
  read: PageRead;
  view: Pick<PageCursor, "from" | "to" | "fingerprint">;
  /** The app secret cursors are signed with; null when it cannot be read (no cursors then). */
  key: Uint8Array | null;
}

const asPosition = (sort: unknown[] | undefined): SortPosition | null =>
  sort?.length === 2 && sort.every((value) => Number.isSafeInteger(value)) ? (sort as SortPosition) : null;

/**
 * The cursors a page hands out. "Previous" reads backwards from the page's first line, so the
 * URL holds one cursor, never a stack; from page 2 it is the first page.
 */
export function planLogPaging(input: PagingInput): LogPaging {
  const { page, offset, shown, read, key } = input;
  let next: SortPosition | null = null;
  let prev: SortPosition | null = null;
  if (read.kind === "snapshot") {
    if (offset + shown.length < input.total) next = asPosition(shown.at(-1)?.sort);
    prev = asPosition(shown[0]?.sort);
  } else {
    ({ next, prev } = read);
  }
  const cursor = (after: SortPosition, direction: "next" | "prev", to: { page: number; offset: number }) =>
    encodePageCursor({ ...input.view, ...to, after, direction, snapshot: read.kind === "snapshot" }, key!);
  const nextCursor = key && next ? cursor(next, "next", { page: page + 1, offset: offset + shown.length }) : null;
  const prevCursor = key && prev && page > 2 ? cursor(prev, "prev", { page: page - 1, offset: Math.max(0, offset - input.size) }) : null;
  return { page, offset, nextCursor, prevCursor, isFirstPage: page === 1 };
}
