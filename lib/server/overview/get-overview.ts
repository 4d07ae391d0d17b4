import "server-only";
import { buildOverviewSearches, OVERVIEW_SEARCHES } from "@/lib/logs/build-overview-searches";
import { redactText } from "@/lib/logs/redact";
import { mergeServiceTotals, serviceLimitNotice, shapeErrorLines, shapeFacets, shapeRequestSeries } from "@/lib/logs/shape-overview";
import { endpointLimitNotice, shapeTopEndpoints } from "@/lib/logs/shape-top-endpoints";
import { errorLimitNotice, shapeTopErrors } from "@/lib/logs/shape-top-errors";
import type { LogSettings } from "@/lib/schemas/log-settings";
import type { OverviewParams, OverviewResponse } from "@/lib/schemas/overview";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import { resolveTimeRange } from "@/lib/time/resolve-time-range";
import { badRequest } from "../errors";
import { getLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { activeRedactionRules } from "../logs/redaction-rules";
import { getLogSettings } from "../settings/get-log-settings";

export interface GetOverviewDeps {
  store: LogStore;
  settings: LogSettings;
  now?: Date;
  signal?: AbortSignal;
  notices?: string[];
}

/** Every overview panel from one _msearch round trip; the engine counts, rates are computed here. */
export async function queryOverview(params: OverviewParams, deps: GetOverviewDeps): Promise<OverviewResponse> {
  const resolved = resolveTimeRange(params.from, params.to, deps.now ?? new Date());
  if (!resolved.ok) throw badRequest(resolved.message, { [resolved.field]: resolved.message });
  const { from, to } = resolved.range;
  const interval = chooseBucketInterval(to.getTime() - from.getTime());
  const { indexPattern: index, mapping } = deps.settings;
  const bodies = buildOverviewSearches({ from, to, intervalLabel: interval.label, services: params.service, environments: params.environment, mapping });
  const results = await deps.store.msearch(OVERVIEW_SEARCHES.map((name) => ({ index, body: bodies[name] })), { signal: deps.signal });
  const [requests, errorLines, endpoints, endpointServices, facets] = OVERVIEW_SEARCHES.map((_, i) => results[i]?.aggregations);

  // Paths and error messages are log content on their way to the browser: redact them first.
  const rules = activeRedactionRules();
  const redact = (text: string) => redactText(text, rules).value;
  const series = shapeRequestSeries(requests);
  const errors = shapeErrorLines(errorLines);
  const topEndpoints = shapeTopEndpoints(endpoints, endpointServices, { redact });
  const topErrors = shapeTopErrors(errorLines, { redact });
  const limitNotices = [serviceLimitNotice(Math.max(series.otherServiceLines, errors.otherServiceLines)), endpointLimitNotice(topEndpoints.uncounted), errorLimitNotice(topErrors.ungrouped)];
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
    topEndpoints: topEndpoints.endpoints,
    topErrors: topErrors.errors,
    available: shapeFacets(facets),
    notices: [...(deps.notices ?? []), ...limitNotices.filter((notice): notice is string => notice !== null)],
  };
}

/** The route's verb: the configured store and settings, then queryOverview. */
export async function getOverview(params: OverviewParams, options: { signal?: AbortSignal } = {}): Promise<OverviewResponse> {
  const { settings, notice } = await getLogSettings();
  const store = await getLogStore();
  return queryOverview(params, { store, settings, signal: options.signal, notices: notice ? [notice] : [] });
}
