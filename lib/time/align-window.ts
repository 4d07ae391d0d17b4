import { chooseBucketInterval, type BucketInterval } from "./bucket-interval";
import { isRelativeExpression } from "./parse-time-expression";
import type { TimeRange } from "./resolve-time-range";

/** A view's window after alignment: what is queried, and which edges moved to a bucket edge. */
export interface AlignedWindow extends TimeRange {
  interval: BucketInterval;
  /** True for each edge given relative to now ("now-1h", "now"), which was moved to a bucket edge. */
  aligned: { from: boolean; to: boolean };
}

/**
 * Relative edges move to the bucket grid (from down, to up), so every viewer and every refresh
 * within one bucket asks for the very same buckets, and a cached closed bucket is always whole.
 * Absolute edges (a shared link, a zoom) stay as given: their partial edge buckets are simply
 * never cached. The interval is chosen from the range as asked, so alignment never changes it.
 * fixed_interval buckets start at multiples of the interval since the epoch (UTC) on both engines.
 */
export function alignViewWindow(expressions: { from: string; to: string }, range: TimeRange): AlignedWindow {
  const interval = chooseBucketInterval(range.to.getTime() - range.from.getTime());
  const alignFrom = isRelativeExpression(expressions.from);
  const alignTo = isRelativeExpression(expressions.to);
  const from = alignFrom ? floorTo(range.from.getTime(), interval.ms) : range.from.getTime();
  const to = alignTo ? ceilTo(range.to.getTime(), interval.ms) : range.to.getTime();
  return { from: new Date(from), to: new Date(to), interval, aligned: { from: alignFrom, to: alignTo } };
}

export const floorTo = (ms: number, step: number): number => Math.floor(ms / step) * step;
export const ceilTo = (ms: number, step: number): number => Math.ceil(ms / step) * step;
