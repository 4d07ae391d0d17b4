import "server-only";
import { SERIES_AGG } from "@/lib/logs/bucket-plan";
import { topValuesAggs } from "@/lib/logs/build-log-page-query";
import { buildLogFilters } from "@/lib/logs/build-log-search-query";
import { shapeHistogram, shapeTopValues, type TopValuesField } from "@/lib/logs/shape-log-page";
import type { FieldTopValues, LogHistogram, LogSearchParams } from "@/lib/schemas/log-search";
import type { ViewFreshness } from "@/lib/schemas/view-freshness";
import type { AlignedWindow } from "@/lib/time/align-window";
import type { TimeRange } from "@/lib/time/resolve-time-range";
import type { LogContext } from "./log-context";
import { searchView } from "./search-incremental";
import { viewFreshness } from "./view-freshness";

export interface ExplorerSummary {
  histogram: LogHistogram;
  /** Lines in the window: the histogram's buckets tile it exactly, so their sum is the exact total. */
  total: number;
  topValues: FieldTopValues[];
  freshness: ViewFreshness;
  notices: string[];
}

type ViewParams = Pick<LogSearchParams, "q" | "service" | "environment" | "level" | "status">;

/**
 * The explorer's first page beside its lines: the histogram incrementally (closed buckets from
 * the instance's cache, the open tail from the engine), the total as the histogram's sum, and
 * the sidebar's top values as a top list with its "as of". The window is [from, to] as the
 * explorer reads it; its spans are half-open, so the last one ends a millisecond after `to`.
 */
export async function getExplorerSummary(context: LogContext, input: { params: ViewParams; window: AlignedWindow; queryFields: string[]; topFields: TopValuesField[] }): Promise<ExplorerSummary> {
  const { params, window, queryFields, topFields } = input;
  const { mapping } = context.settings;
  const filter = (range: TimeRange) => buildLogFilters({ params, from: range.from, to: range.to, mapping, queryFields, upper: "lt" });
  const histogram = (range: TimeRange) => ({
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: filter(range) } },
    aggs: { [SERIES_AGG]: { date_histogram: { field: mapping.timestamp, fixed_interval: window.interval.label, min_doc_count: 0, extended_bounds: { min: range.from.getTime(), max: range.to.getTime() - 1 } } } },
  });
  const answers = await searchView(context, {
    window: { from: window.from, to: new Date(window.to.getTime() + 1), intervalMs: window.interval.ms, relative: window.aligned.from && window.aligned.to },
    series: { names: ["histogram"] as const, build: (_source, range) => ({ histogram: histogram(range) }) },
    tops: {
      names: ["topValues"] as const,
      build: (_source, range) => ({ topValues: { size: 0, track_total_hits: false, query: { bool: { filter: filter(range) } }, aggs: topValuesAggs(topFields) } }),
      finish: async (tops) => shapeTopValues(tops.merged.topValues, topFields),
    },
  });
  const shaped = shapeHistogram({ histogram: answers.series.merged.histogram?.[SERIES_AGG] }, window.interval);
  const total = shaped.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  return { histogram: shaped, total, topValues: answers.tops?.value ?? [], freshness: viewFreshness(window, answers, context), notices: answers.series.notices };
}
