import "server-only";
import { buildEndpointRecountSearch } from "@/lib/logs/build-endpoint-search";
import { buildOverviewSearches, OVERVIEW_SEARCHES, overviewFilters, type OverviewQueryInput } from "@/lib/logs/build-overview-searches";
import { mergeServiceTotals, serviceLimitNotice, shapeErrorLines, shapeFacets, shapeRequestSeries } from "@/lib/logs/shape-overview";
import { applyEndpointRecount, endpointLimitNotice, shapeTopEndpoints } from "@/lib/logs/shape-top-endpoints";
import { errorLimitNotice, shapeTopErrors } from "@/lib/logs/shape-top-errors";
import type { OverviewParams, OverviewResponse } from "@/lib/schemas/overview";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import { resolveViewRange, type LogContext } from "../logs/log-context";
import { searchEachSource } from "../logs/search-sources";
import { topSlowQueries } from "../slow-queries/top-slow-queries";
import { DEFAULT_SLOW_QUERY_THRESHOLD_MS } from "../slow-queries/threshold";
import { loadSqlParser } from "@/lib/sql/fingerprint";

/**
 * Each service's sources, from every source's own facet answer (already redacted at the context's
 * store). Empty when one source was read: the explorer reads that one anyway, and links stay short.
 */
function servicesBySource(bySource: { source: { name: string }; results: { facets: { aggregations?: Record<string, unknown> } } }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (bySource.length < 2) return out;
  for (const { source, results } of bySource) for (const service of shapeFacets(results.facets.aggregations).services) (out[service] ??= []).push(source.name);
  return out;
}

/**
 * Every overview panel from one _msearch round trip over every source the view reads; the
 * engine counts, sources add up by service and bucket, rates are computed here. A second round
 * trip follows only when top endpoints had to cut paths, to count the listed ones exactly.
 */
export async function getOverview(params: OverviewParams, context: LogContext): Promise<OverviewResponse> {
  const { from, to } = resolveViewRange(params, context);
  const interval = chooseBucketInterval(to.getTime() - from.getTime());
  const slowThresholdMs = context.slowQueryThresholdMs ?? DEFAULT_SLOW_QUERY_THRESHOLD_MS;
  const inputFor = (mapping: OverviewQueryInput["mapping"]): OverviewQueryInput => ({ from, to, intervalLabel: interval.label, services: params.service, environments: params.environment, mapping, slowThresholdMs });
  // Every source's searches in one _msearch, each with its own field names; answers add up by key.
  const [answers] = await Promise.all([searchEachSource(context, OVERVIEW_SEARCHES, (source) => buildOverviewSearches(inputFor(source.mapping))), loadSqlParser()]);
  const { requests, errorLines, endpoints, endpointServices, facets } = answers.merged;

  // Every key below (services, paths, messages, facets) arrives redacted from the context's store.
  const series = shapeRequestSeries(requests);
  const errors = shapeErrorLines(errorLines);
  const topEndpoints = shapeTopEndpoints(endpoints, endpointServices);
  const topErrors = shapeTopErrors(errorLines);
  // Only when the ranking had to leave lines out: a second round trip counts the listed endpoints exactly, in every source.
  let listedEndpoints = topEndpoints.endpoints;
  if (topEndpoints.recount.length > 0) {
    const recounted = await searchEachSource(context, ["recount"] as const, (source) => {
      const input = inputFor(source.mapping);
      return { recount: buildEndpointRecountSearch(input, overviewFilters(input, { requestsOnly: true }), topEndpoints.recount) };
    });
    listedEndpoints = applyEndpointRecount(topEndpoints.recount, recounted.merged.recount);
  }
  const limitNotices = [serviceLimitNotice(Math.max(series.otherServiceLines, errors.otherServiceLines)), endpointLimitNotice(topEndpoints), errorLimitNotice(topErrors.ungrouped)];
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    intervalMs: interval.ms,
    interval: interval.label,
    services: series.services,
    points: series.points,
    errorServices: errors.services,
    errorPoints: errors.points,
    totals: mergeServiceTotals(series.totals, errors.totals),
    topEndpoints: listedEndpoints,
    topErrors: topErrors.errors,
    available: shapeFacets(facets),
    serviceSources: servicesBySource(answers.bySource),
    // Sums do not merge across sources by key: each source's statements are fingerprinted on their own.
    slowQueries: topSlowQueries(answers.bySource.map(({ source, results }) => ({ source, answer: results.slowStatements }))),
    slowQueryThresholdMs: slowThresholdMs,
    notices: [...context.notices, ...answers.notices, ...limitNotices.filter((notice): notice is string => notice !== null)],
  };
}
