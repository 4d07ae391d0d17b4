import "server-only";
import { requestStatements } from "../slow-queries/request-statements";
import { buildRelatedRequestsQueries, buildRequestLinesQuery, isRequestLinesTruncated, mergeRelatedRequests, readRelatedRequests, resolveRequestSearchWindow } from "@/lib/logs/build-request-lines-query";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { lineJoinsRequest } from "@/lib/requests/canonical-line";
import { hintedSearches, readRequestFacts, settleRelatedInputs, type RelatedHints } from "@/lib/requests/related-inputs";
import { shapeRequestLines, type SourcedHit } from "@/lib/requests/shape-request-lines";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import type { RelatedRequests, RequestDrilldownParams, RequestDrilldownResponse } from "@/lib/schemas/request-drilldown";
import type { SearchBody } from "../log-store/types";
import type { LogContext, ReadSource } from "../logs/log-context";
import type { RedactedSearchResult } from "../logs/redacting-log-store";

type RelatedSearch = { userId: string | null; method: string | null; path: string | null; at: Date };

/**
 * Every line of one request across all services and every source the view reads, shaped into
 * timeline, time shares, first error, curl and related requests. Each source is searched with its
 * own correlation fields, plus the sqlcommenter comments in its statements, so PostgreSQL's own
 * lines join the request that ran them.
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
  const { now, sources } = context;
  const { from, to } = resolveRequestSearchWindow({ around: params.around, window: params.window, now });
  const hints: RelatedHints = { user: params.user, method: params.method, path: params.path, around: params.around ? new Date(params.around) : undefined };
  const hinted = hintedSearches(hints);
  const base = { id: params.id, from, to };
  const related = (mapping: FieldMapping, search: RelatedSearch) => buildRelatedRequestsQueries({ ...base, mapping, ...search });
  const firstSearch: RelatedSearch = { at: hints.around ?? now, userId: hinted.user, method: hinted.endpoint?.method ?? null, path: hinted.endpoint?.path ?? null };

  const notices = [...context.notices];
  const first = await msearchPerSource(context, notices, (source) => {
    const { sameUser, sameEndpointFailures } = related(source.mapping, firstSearch);
    return [buildRequestLinesQuery({ ...base, mapping: source.mapping }), sameUser, sameEndpointFailures];
  });
  const { hits, matched, truncated } = joinLines(first.map(([lines], s) => ({ source: sources[s]!, lines })), params.id);
  const shaped = shapeRequestLines(hits, { id: params.id, rules: context.rules, defaultOrigin: context.curlOrigin });

  const answer: RelatedRequests = { user: null, endpoint: null, sameUser: [], sameEndpointFailures: [] };
  if (shaped.logLines.length > 0) {
    const settled = settleRelatedInputs(hints, readRequestFacts(shaped.inputs, ECS_FIELD_MAPPING));
    answer.user = settled.user?.value ?? null;
    answer.endpoint = settled.endpoint?.value ?? null;
    const again: RelatedSearch = {
      at: settled.user?.at ?? now,
      userId: settled.user && !settled.user.hinted ? settled.user.value : null,
      method: settled.endpoint && !settled.endpoint.hinted ? settled.endpoint.value.method : null,
      path: settled.endpoint && !settled.endpoint.hinted ? settled.endpoint.value.path : null,
    };
    // Only what the hints could not answer goes out again, in one more round trip.
    const second = await msearchPerSource(context, notices, (source) => {
      const { sameUser, sameEndpointFailures } = related(source.mapping, again);
      return [sameUser, sameEndpointFailures];
    });
    const pick = (slot: 0 | 1, hintedAnswer: boolean) => mergeRelatedRequests((hintedAnswer ? first.map((answers) => answers[slot + 1]) : second.map((answers) => answers[slot])).map((result) => readRelatedRequests(result?.aggregations)));
    answer.sameUser = pick(0, settled.user?.hinted ?? false);
    answer.sameEndpointFailures = pick(1, settled.endpoint?.hinted ?? false);
  }

  return {
    id: params.id,
    timeline: shaped.timeline,
    firstError: shaped.firstError,
    curl: shaped.curl,
    lines: matched,
    truncated,
    windowFrom: from.toISOString(),
    windowTo: to.toISOString(),
    window: params.window ?? (params.around ? "1h" : "24h"),
    around: params.around ?? null,
    searchedFields: [...new Set(sources.flatMap((source) => source.mapping.correlationIds))],
    related: answer,
    logLines: shaped.logLines,
    redactions: shaped.redactions,
    mapping: context.settings.mapping,
    mappings: Object.fromEntries(sources.map((source) => [source.name, source.mapping])),
    statements: await requestStatements(shaped.logLines, (name) => sources.find((source) => source.name === name)?.mapping ?? context.settings.mapping),
    notices: [...new Set(notices)],
  };
}

/**
 * The request's lines from every source, oldest first. The engine's phrase match on statements
 * can over-match, so only lines a correlation field or a sqlcommenter comment ties to the id stay.
 */
function joinLines(answers: { source: ReadSource; lines: RedactedSearchResult | undefined }[], id: string): { hits: SourcedHit[]; matched: number; truncated: boolean } {
  let matched = 0;
  let truncated = false;
  const hits: (SourcedHit & { time: number })[] = [];
  for (const { source, lines } of answers) {
    if (!lines) continue;
    const joined = lines.hits.filter((hit) => lineJoinsRequest(hit._source, source.mapping, id));
    truncated ||= isRequestLinesTruncated(lines.total, lines.hits.length);
    matched += joined.length + (lines.total - lines.hits.length);
    for (const hit of joined) hits.push({ hit, mapping: source.mapping, sourceName: source.name, time: sortTime(hit.sort?.[0]) });
  }
  // Each source answered in time order; across sources the engines' sort values (epoch ms) interleave them.
  hits.sort((a, b) => a.time - b.time);
  return { hits, matched, truncated };
}

/** The engines sort dates as epoch milliseconds; a line without a time sorts first, as the engine puts it. */
const sortTime = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : typeof value === "string" && Number.isFinite(Date.parse(value)) ? Date.parse(value) : Number.MIN_SAFE_INTEGER);

/**
 * The same slots of searches for every source in ONE `_msearch` (nothing at all when every body
 * is null); each source's answers keep their slots, undefined where the body was null.
 */
async function msearchPerSource(context: LogContext, notices: string[], build: (source: ReadSource) => (SearchBody | null)[]): Promise<(RedactedSearchResult | undefined)[][]> {
  const planned = context.sources.map((source) => ({ source, bodies: build(source) }));
  const requests = planned.flatMap(({ source, bodies }) => bodies.flatMap((body) => (body ? [{ index: source.indexPattern, body }] : [])));
  if (requests.length === 0) return planned.map(({ bodies }) => bodies.map(() => undefined));
  const results = await context.store.msearch(requests, { signal: context.signal, settle: context.sources.length > 1 });
  let next = 0;
  return planned.map(({ source, bodies }) =>
    bodies.map((body) => {
      const result = body ? results[next++] : undefined;
      if (!result?.error) return result;
      // A source the engine refused answers nothing here; the other sources still make the timeline.
      notices.push(`Source ${source.name} (${source.indexPattern}) could not be read and is left out: ${result.error.message}`);
      return undefined;
    }),
  );
}
