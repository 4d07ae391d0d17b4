import type { LogPaging } from "@/lib/schemas/log-search";

export interface PagerProps {
  paging: LogPaging;
  shown: number;
  total: number;
  /** A cursor, or null for the first page (read fresh). */
  onNavigate: (cursor: string | null) => void;
  disabled?: boolean;
}

const n = (value: number) => value.toLocaleString("en-US");

/** Where this page sits in all matching lines, and the way to the first, previous and next page. */
export function Pager({ paging, shown, total, onNavigate, disabled }: PagerProps) {
  const range = shown > 0 ? `Lines ${n(paging.offset + 1)}–${n(paging.offset + shown)} of ${n(total)}` : `No lines of ${n(total)}`;
  return (
    <nav className="lx-pager" aria-label="Pages" data-testid="pager">
      <span data-testid="page-range">{range} · page {n(paging.page)}</span>
      <button type="button" disabled={disabled || paging.isFirstPage} onClick={() => onNavigate(null)}>First page</button>
      <button type="button" disabled={disabled || paging.isFirstPage} onClick={() => onNavigate(paging.prevCursor)}>Previous page</button>
      <button type="button" disabled={disabled || !paging.nextCursor} onClick={() => onNavigate(paging.nextCursor)}>Next page</button>
    </nav>
  );
}
