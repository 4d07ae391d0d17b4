import "server-only";
import { buildRelatedRequestsQueries, buildRequestLinesQuery, isRequestLinesTruncated, readRelatedRequests, resolveRequestSearchWindow } from "@/lib/logs/build-request-lines-query";
import { hintedSearches, readRequestFacts, settleRelatedInputs, type RelatedHints } from "@/lib/requests/related-inputs";
import { shapeRequestLines } from "@/lib/requests/shape-request-lines";
import type { RelatedRequests, RequestDrilldownParams, RequestDrilldownResponse } from "@/lib/schemas/request-drilldown";
import type { SearchBody, SearchResult } from "../log-store/types";
import type { LogContext } from "../logs/log-context";

/**
 * Every line of one request across all services, shaped into timeline, time shares, first error,
 * curl and related requests.
 *
 * Round trips: the related searches need the request's user and endpoint. The page that links
 * here knows them from the line the user clicked (`user`, `method`, `path`, with `around`), so
 * those searches go into the SAME `_msearch` as the lines: one round trip. We did not derive them
 * inside that search (a terms aggregation ordered by "contains this request") because it scans
 * every line of the window and is exact only on one shard. The lines then check the hints; a
 * missing or contradicted hint (opened cold, a stale link) costs one more round trip, never a
 * wrong answer.
 */
export async function getRequestDrilldown(params: RequestDrilldownParams, context: LogContext): Promise<RequestDrilldownResponse> {
  const { mapping } = context.settings;
  const { now } = context;
  const { from, to } = resolveRequestSearchWindow({ around: params.around, window: params.window, now });
  const hints: RelatedHints = { user: params.user, method: params.method, path: params.path, around: params.around ? new Date(params.around) : undefined };
  const hinted = hintedSearches(hints);
  const base = { id: params.id, mapping, from, to };
  const first = buildRelatedRequestsQueries({ ...base, at: hints.around ?? now, userId: hinted.user, method: hinted.endpoint?.method ?? null, path: hinted.endpoint?.path ?? null });

  const [linesResult, hintedUser, hintedEndpoint] = await msearchSparse(context, [buildRequestLinesQuery(base), first.sameUser, first.sameEndpointFailures]);
  const lines = linesResult ?? { hits: [], total: 0 };
  const shaped = shapeRequestLines(lines.hits, { id: params.id, mapping, rules: context.rules, defaultOrigin: context.curlOrigin });

  const related: RelatedRequests = { user: null, endpoint: null, sameUser: [], sameEndpointFailures: [] };
  if (shaped.logLines.length > 0) {
    const settled = settleRelatedInputs(hints, readRequestFacts(shaped.inputs, mapping));
    related.user = settled.user?.value ?? null;
    related.endpoint = settled.endpoint?.value ?? null;
    const second = buildRelatedRequestsQueries({
      ...base,
      at: settled.user?.at ?? now,
      userId: settled.user && !settled.user.hinted ? settled.user.value : null,
      method: settled.endpoint && !settled.endpoint.hinted ? settled.endpoint.value.method : null,
      path: settled.endpoint && !settled.endpoint.hinted ? settled.endpoint.value.path : null,
    });
    // Only what the hints could not answer goes out again, in one more round trip.
    const [userAgain, endpointAgain] = await msearchSparse(context, [second.sameUser, second.sameEndpointFailures]);
    related.sameUser = readRelatedRequests((settled.user?.hinted ? hintedUser : userAgain)?.aggregations);
    related.sameEndpointFailures = readRelatedRequests((settled.endpoint?.hinted ? hintedEndpoint : endpointAgain)?.aggregations);
  }

  return {
    id: params.id,
    timeline: shaped.timeline,
    firstError: shaped.firstError,
    curl: shaped.curl,
    lines: lines.total,
    truncated: isRequestLinesTruncated(lines.total, lines.hits.length),
    windowFrom: from.toISOString(),
    windowTo: to.toISOString(),
    window: params.window ?? (params.around ? "1h" : "24h"),
    around: params.around ?? null,
    searchedFields: mapping.correlationIds,
    related,
    logLines: shaped.logLines,
    redactions: shaped.redactions,
    mapping,
    notices: [...context.notices],
  };
}

/** One `_msearch` for the non-null bodies (none at all when every body is null); answers keep their slots. */
async function msearchSparse(context: LogContext, bodies: (SearchBody | null)[]): Promise<(SearchResult | undefined)[]> {
  const present = bodies.flatMap((body, slot) => (body ? [{ body, slot }] : []));
  if (present.length === 0) return bodies.map(() => undefined);
  const results = await context.store.msearch(
    present.map(({ body }) => ({ index: context.settings.indexPattern, body })),
    { signal: context.signal },
  );
  const bySlot = new Map(present.map(({ slot }, k) => [slot, results[k]]));
  return bodies.map((_, slot) => bySlot.get(slot));
}
