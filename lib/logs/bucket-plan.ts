import { floorTo } from "@/lib/time/align-window";
import type { TimeRange } from "@/lib/time/resolve-time-range";

/**
 * Which buckets of a time-series view the engine must be asked for, and which a cache can
 * answer. A bucket can be cached once it is closed: wholly inside the window (a partial edge
 * bucket of an absolute range counts fewer lines than the bucket holds) and ended before the
 * settle edge (now minus the settle lag, for lines that shippers deliver late).
 */
export const SERIES_AGG = "over_time";

export interface SeriesWindow extends TimeRange {
  intervalMs: number;
}

/** Start of every bucket the window touches, oldest first. */
export function bucketStarts(window: SeriesWindow): number[] {
  const starts: number[] = [];
  for (let start = floorTo(window.from.getTime(), window.intervalMs); start < window.to.getTime(); start += window.intervalMs) starts.push(start);
  return starts;
}

/** The last instant whose lines are taken as complete: buckets ending at or before it never change. */
export const settleEdge = (now: Date, settleLagMs: number, intervalMs: number): number => floorTo(now.getTime() - settleLagMs, intervalMs);

export function isCacheable(start: number, window: SeriesWindow, settledUntil: number): boolean {
  const end = start + window.intervalMs;
  return start >= window.from.getTime() && end <= window.to.getTime() && end <= settledUntil;
}

/** Contiguous runs of buckets to ask for, each as a range clipped to the window (one search each). */
export function spansToQuery(starts: number[], answered: (start: number) => boolean, window: SeriesWindow): TimeRange[] {
  const spans: TimeRange[] = [];
  let runStart: number | null = null;
  const close = (end: number) => {
    if (runStart === null) return;
    spans.push({ from: new Date(Math.max(runStart, window.from.getTime())), to: new Date(Math.min(end, window.to.getTime())) });
    runStart = null;
  };
  for (const start of starts) {
    if (answered(start)) close(start);
    else runStart ??= start;
  }
  close((starts.at(-1) ?? 0) + window.intervalMs);
  return spans;
}

export type HistogramBucket = Record<string, unknown> & { key: number; doc_count: number };

/** The buckets of a series answer's top-level date histogram. */
export function seriesBuckets(aggregations: Record<string, unknown> | undefined): HistogramBucket[] {
  const histogram = aggregations?.[SERIES_AGG] as { buckets?: HistogramBucket[] } | undefined;
  return histogram?.buckets ?? [];
}

/** A series answer put back together from buckets however they were obtained, in time order. */
export function seriesAnswer(buckets: HistogramBucket[]): Record<string, unknown> {
  return { [SERIES_AGG]: { buckets: [...buckets].sort((a, b) => a.key - b.key) } };
}
