import "server-only";
import { buildEndpointRecountSearch } from "@/lib/logs/build-endpoint-search";
import { buildOverviewSeries, buildOverviewTopLists, OVERVIEW_SERIES, OVERVIEW_TOP_LISTS, overviewFilters, type OverviewQueryInput } from "@/lib/logs/build-overview-searches";
import { OVERVIEW_LIMITS } from "@/lib/logs/overview-limits";
import { pivotByService } from "@/lib/logs/pivot-series";
import { mergeServiceTotals, serviceLimitNotice, shapeErrorLines, shapeFacets, shapeRequestSeries } from "@/lib/logs/shape-overview";
import { applyEndpointRecount, endpointLimitNotice, shapeTopEndpoints } from "@/lib/logs/shape-top-endpoints";
import { errorLimitNotice, shapeTopErrors } from "@/lib/logs/shape-top-errors";
import type { OverviewParams, OverviewResponse } from "@/lib/schemas/overview";
import { alignViewWindow } from "@/lib/time/align-window";
import type { TimeRange } from "@/lib/time/resolve-time-range";
import { resolveViewRange, type LogContext } from "../logs/log-context";
import { searchView, type TopListsSpec } from "../logs/search-incremental";
import { searchEachSource, type SourceAnswers } from "../logs/search-sources";
import { viewFreshness } from "../logs/view-freshness";
import { DEFAULT_SLOW_QUERY_THRESHOLD_MS } from "../slow-queries/threshold";
import { topSlowQueries } from "../slow-queries/top-slow-queries";
import { loadSqlParser } from "@/lib/sql/fingerprint";

type TopListsName = (typeof OVERVIEW_TOP_LISTS)[number];
type TopLists = Pick<OverviewResponse, "topEndpoints" | "topErrors" | "available" | "serviceSources" | "slowQueries"> & { notices: string[] };

/**
 * Each service's sources, from every source's own facet answer (already redacted at the context's
 * store). Empty when one source was read: the explorer reads that one anyway, and links stay short.
 */
function servicesBySource(bySource: SourceAnswers<TopListsName>["bySource"]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (bySource.length < 2) return out;
  for (const { source, results } of bySource) for (const service of shapeFacets(results.facets.aggregations).services) (out[service] ??= []).push(source.name);
  return out;
}

/**
 * Every overview panel from one _msearch round trip over every source the view reads; the
 * engine counts, sources add up by service and bucket, rates are computed here. Relative ranges
 * are aligned to the bucket grid and answered incrementally (search-incremental.ts): closed
 * buckets from the instance's cache, the open tail from the engine, top lists on their own
 * cadence. A second round trip follows only when top endpoints had to cut paths.
 */
export async function getOverview(params: OverviewParams, context: LogContext): Promise<OverviewResponse> {
  const window = alignViewWindow(params, resolveViewRange(params, context));
  const slowThresholdMs = context.slowQueryThresholdMs ?? DEFAULT_SLOW_QUERY_THRESHOLD_MS;
  const inputFor = (mapping: OverviewQueryInput["mapping"], range: TimeRange): OverviewQueryInput => ({ ...range, intervalLabel: window.interval.label, services: params.service, environments: params.environment, mapping, slowThresholdMs });

  const topLists: TopListsSpec<TopListsName, TopLists> = {
    names: OVERVIEW_TOP_LISTS,
    build: (source, range) => buildOverviewTopLists(inputFor(source.mapping, range)),
    finish: async (answers, range) => {
      const { endpoints, endpointServices, topErrors: errorAnswer, facets } = answers.merged;
      // Every key below (services, paths, messages, facets) arrives redacted from the context's store.
      const topEndpoints = shapeTopEndpoints(endpoints, endpointServices);
      const topErrors = shapeTopErrors(errorAnswer);
      // Only when the ranking had to leave lines out: a second round trip counts the listed endpoints exactly, in every source.
      let listed = topEndpoints.endpoints;
      if (topEndpoints.recount.length > 0) {
        const recounted = await searchEachSource(context, ["recount"] as const, (source) => {
          const input = inputFor(source.mapping, range);
          return { recount: buildEndpointRecountSearch(input, overviewFilters(input, { requestsOnly: true }), topEndpoints.recount) };
        });
        listed = applyEndpointRecount(topEndpoints.recount, recounted.merged.recount);
      }
      const notices = [endpointLimitNotice(topEndpoints), errorLimitNotice(topErrors.ungrouped)].filter((notice): notice is string => notice !== null);
      // Slow statements do not merge across sources by key: each source's are fingerprinted on their own.
      await loadSqlParser();
      const slowQueries = topSlowQueries(answers.bySource.map(({ source, results }) => ({ source, answer: results.slowStatements })));
      return { topEndpoints: listed, topErrors: topErrors.errors, available: shapeFacets(facets), serviceSources: servicesBySource(answers.bySource), slowQueries, notices };
    },
  };
  const answers = await searchView(context, {
    window: { from: window.from, to: window.to, intervalMs: window.interval.ms, relative: window.aligned.from && window.aligned.to },
    series: { names: OVERVIEW_SERIES, build: (source, range) => buildOverviewSeries(inputFor(source.mapping, range)) },
    tops: topLists,
  });
  const { requests, errorLines } = answers.series.merged;
  const series = shapeRequestSeries(pivotByService(requests, OVERVIEW_LIMITS.services));
  const errors = shapeErrorLines(pivotByService(errorLines, OVERVIEW_LIMITS.services));
  const tops = answers.tops!.value;
  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    intervalMs: window.interval.ms,
    interval: window.interval.label,
    services: series.services,
    points: series.points,
    errorServices: errors.services,
    errorPoints: errors.points,
    totals: mergeServiceTotals(series.totals, errors.totals),
    topEndpoints: tops.topEndpoints,
    topErrors: tops.topErrors,
    available: tops.available,
    serviceSources: tops.serviceSources,
    slowQueries: tops.slowQueries,
    slowQueryThresholdMs: slowThresholdMs,
    notices: [...context.notices, ...answers.series.notices, serviceLimitNotice(Math.max(series.otherServiceLines, errors.otherServiceLines)), ...tops.notices].filter((notice): notice is string => notice !== null),
    freshness: viewFreshness(window, answers, context),
  };
}
