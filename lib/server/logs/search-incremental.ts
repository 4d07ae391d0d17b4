import "server-only";
import { bucketStarts, isCacheable, seriesAnswer, seriesBuckets, settleEdge, spansToQuery, type HistogramBucket, type SeriesWindow } from "@/lib/logs/bucket-plan";
import { mergeAggregations, type Aggregations } from "@/lib/logs/merge-aggregations";
import type { TimeRange } from "@/lib/time/resolve-time-range";
import type { SearchBody, SearchRequest } from "../log-store/types";
import type { LogContext, ReadSource } from "./log-context";
import type { RedactedSearchResult } from "./redacting-log-store";
import { msearchBySource, type SourceAnswers } from "./search-sources";
import { hash, sourceKey } from "./view-cache";

/**
 * Time-series searches: each body's only aggregation is `over_time` (SERIES_AGG), a date_histogram
 * with fixed_interval = the window's interval, min_doc_count 0 and extended_bounds over the
 * range it is built for, every other aggregation nested inside it. Each bucket is then answered
 * by itself, whatever range the search covered, so closed buckets can be kept and merged.
 */
export interface SeriesSpec<S extends string> {
  names: readonly S[];
  build: (source: ReadSource, range: TimeRange) => Record<S, SearchBody>;
}

/**
 * Top lists (terms over the whole window) do not add up from buckets. They are recomputed at most
 * every VIEW_TOP_LISTS_SECONDS and reused meanwhile with the time and window they were computed
 * for, so what a panel shows is exact "as of" the time it says. `finish` shapes the answers (and
 * may search again through the same context); its value is kept as JSON.
 */
export interface TopListsSpec<T extends string, V> {
  names: readonly T[];
  build: (source: ReadSource, range: TimeRange) => Record<T, SearchBody>;
  finish: (answers: SourceAnswers<T>, range: TimeRange) => Promise<V>;
}

export interface ViewWindow extends SeriesWindow {
  /** Both edges relative to now: top lists of the same length may then stand in for a window a few buckets on. */
  relative: boolean;
}

export interface TopListsAnswer<V> {
  value: V;
  /** When the engine counted them, and over which window. */
  asOf: Date;
  from: Date;
  to: Date;
}

export interface ViewAnswers<S extends string, V> {
  series: SourceAnswers<S>;
  tops: TopListsAnswer<V> | null;
  /** Buckets ending at or before this were answered from the cache when present. */
  settledUntil: Date;
  buckets: { cached: number; queried: number };
}

const PLACEHOLDER: TimeRange = { from: new Date(0), to: new Date(0) };

interface SourceSeriesPlan {
  source: ReadSource;
  /** Per search name: its cache key prefix and the buckets the cache answered. */
  keys: string[];
  cached: Map<number, HistogramBucket>[];
  spans: TimeRange[];
}

/**
 * One view over every source of the context in ONE _msearch: per source, only the buckets the
 * cache cannot answer (the open tail, the settle lag, anything evicted), plus the top lists when
 * due. Buckets are merged back in time order, closed ones are kept, and sources add up by key
 * as in searchEachSource. With the context's cache disabled it is a plain full query.
 */
export async function searchView<S extends string, T extends string, V>(
  context: LogContext,
  spec: { window: ViewWindow; series: SeriesSpec<S>; tops?: TopListsSpec<T, V> },
): Promise<ViewAnswers<S, V>> {
  const { window, series, tops } = spec;
  const cache = context.viewCache;
  const enabled = cache.options.maxBytes > 0;
  const settledUntil = enabled ? settleEdge(context.now, cache.options.settleLagMs, window.intervalMs) : -Infinity;
  const starts = bucketStarts(window);
  const indexPrints = enabled ? await Promise.all(context.sources.map((source) => indexPrintOf(context, source))) : context.sources.map(() => "");
  const plans = context.sources.map((source, i) => planSeries(context, source, series, window, starts, settledUntil, indexPrints[i]!));

  const topsKey = tops ? topListsKey(context, tops, window, indexPrints) : "";
  const keptTops = tops && enabled ? cache.lru.get<TopListsAnswer<V> & { at: number }>(topsKey) : undefined;
  const topsAge = keptTops ? context.now.getTime() - keptTops.at : Infinity;
  const topsDue = tops !== undefined && !(topsAge >= 0 && topsAge < cache.options.topListsMs);

  const requests = plans.map((plan) => {
    const own: SearchRequest[] = plan.spans.flatMap((span) => {
      const bodies = series.build(plan.source, span);
      return series.names.map((name) => ({ index: plan.source.indexPattern, body: bodies[name] }));
    });
    if (topsDue) {
      const bodies = tops.build(plan.source, window);
      own.push(...tops.names.map((name) => ({ index: plan.source.indexPattern, body: bodies[name] })));
    }
    return { source: plan.source, requests: own };
  });
  const { answered, notices } = await msearchBySource(context, requests);

  const bySource: SourceAnswers<S>["bySource"] = [];
  const topsBySource: SourceAnswers<T>["bySource"] = [];
  let queried = 0;
  let cachedCount = 0;
  for (const { source, results } of answered) {
    const plan = plans.find((candidate) => candidate.source === source)!;
    const seriesResults = results.slice(0, plan.spans.length * series.names.length);
    const keepable = enabled && seriesResults.every((result) => (result.shards ?? 1) > 0);
    const record = {} as Record<S, RedactedSearchResult>;
    series.names.forEach((name, n) => {
      const buckets = new Map(plan.cached[n]);
      cachedCount += buckets.size;
      plan.spans.forEach((_, s) => {
        for (const bucket of seriesBuckets(seriesResults[s * series.names.length + n]?.aggregations)) {
          buckets.set(bucket.key, bucket);
          queried++;
          if (keepable && isCacheable(bucket.key, window, settledUntil)) cache.lru.set(bucketKey(plan.keys[n]!, bucket.key), bucket);
        }
      });
      record[name] = { took: 0, total: 0, hits: [], shards: seriesResults[n]?.shards, aggregations: seriesAnswer([...buckets.values()]) };
    });
    bySource.push({ source, results: record });
    if (topsDue) {
      const topResults = results.slice(seriesResults.length);
      topsBySource.push({ source, results: Object.fromEntries(tops.names.map((name, n) => [name, topResults[n]!])) as Record<T, RedactedSearchResult> });
    }
  }

  const merged = Object.fromEntries(series.names.map((name) => [name, mergeAggregations(bySource.map(({ results }) => results[name].aggregations))])) as Record<S, Aggregations | undefined>;
  let topsAnswer: TopListsAnswer<V> | null = null;
  if (tops && topsDue) {
    const answers: SourceAnswers<T> = { merged: mergeTop(tops.names, topsBySource), bySource: topsBySource, notices: [] };
    topsAnswer = { value: await tops.finish(answers, window), asOf: context.now, from: window.from, to: window.to };
    // Kept only when every source answered: a list missing a failed source must not outlive the failure.
    if (enabled && answered.length === context.sources.length) cache.lru.set(topsKey, { ...topsAnswer, at: context.now.getTime() });
  } else if (keptTops) {
    topsAnswer = { value: keptTops.value, asOf: new Date(keptTops.asOf), from: new Date(keptTops.from), to: new Date(keptTops.to) };
  }
  return { series: { merged, bySource, notices }, tops: topsAnswer, settledUntil: new Date(Math.max(settledUntil, 0)), buckets: { cached: cachedCount, queried } };
}

/**
 * The print of the source's indices as they stand (shared per reuse grain). When they cannot be
 * listed, a print that matches nothing: this view is answered by the engine alone, whose own
 * failure, if any, becomes the source's notice as usual.
 */
async function indexPrintOf(context: LogContext, source: ReadSource): Promise<string> {
  try {
    return await context.viewCache.indexSetPrint(context.store, source.indexPattern, source.mapping.timestamp, context.now, context.signal);
  } catch {
    return `unlisted|${Math.random()}`;
  }
}

function planSeries<S extends string>(context: LogContext, source: ReadSource, series: SeriesSpec<S>, window: ViewWindow, starts: number[], settledUntil: number, indexPrint: string): SourceSeriesPlan {
  const template = series.build(source, PLACEHOLDER);
  const prefix = sourceKey(source, context.rules, indexPrint);
  const keys = series.names.map((name) => hash(JSON.stringify([prefix, name, window.intervalMs, template[name]])));
  const cached = keys.map((key) => {
    const found = new Map<number, HistogramBucket>();
    if (context.viewCache.options.maxBytes === 0) return found;
    for (const start of starts) {
      if (!isCacheable(start, window, settledUntil)) continue;
      const bucket = context.viewCache.lru.get<HistogramBucket>(bucketKey(key, start));
      if (bucket) found.set(start, bucket);
    }
    return found;
  });
  // A bucket is asked for again unless every search of the source has it, so each search gets the same spans.
  const spans = spansToQuery(starts, (start) => cached.every((found) => found.has(start)), window);
  // Buckets inside a span are answered again by the engine; drop their cached copies from this view.
  for (const found of cached) for (const span of spans) for (const start of found.keys()) if (start >= span.from.getTime() && start < span.to.getTime()) found.delete(start);
  return { source, keys, cached, spans };
}

const bucketKey = (prefix: string, start: number) => `bucket|${prefix}|${start}`;

function topListsKey<T extends string, V>(context: LogContext, tops: TopListsSpec<T, V>, window: ViewWindow, indexPrints: string[]): string {
  const perSource = context.sources.map((source, i) => [sourceKey(source, context.rules, indexPrints[i]), tops.build(source, PLACEHOLDER)]);
  // A relative window's lists stand for the same length of time a little later; an absolute one only for itself.
  const span = window.relative ? ["relative", window.to.getTime() - window.from.getTime(), window.intervalMs] : ["absolute", window.from.getTime(), window.to.getTime()];
  return `tops|${hash(JSON.stringify([perSource, span]))}`;
}

function mergeTop<T extends string>(names: readonly T[], bySource: SourceAnswers<T>["bySource"]): Record<T, Aggregations | undefined> {
  return Object.fromEntries(names.map((name) => [name, mergeAggregations(bySource.map(({ results }) => results[name].aggregations))])) as Record<T, Aggregations | undefined>;
}
