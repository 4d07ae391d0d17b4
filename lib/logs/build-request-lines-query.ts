import type { RelatedRequest, RequestDrilldownWindow } from "@/lib/schemas/request-drilldown";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { timeRangeClause } from "./time-range-clause";

/**
 * Lines fetched per request. A request with more matching lines comes back cut: the verb compares
 * the exact total (track_total_hits) with the hits and answers `truncated: true`.
 */
export const REQUEST_LINES_LIMIT = 2_000;
export const RELATED_REQUESTS_LIMIT = 10;
/** "Other requests of the same user" look this far either side of the request. */
export const SAME_USER_WINDOW_MS = 10 * 60_000;

const WINDOW_MS: Record<RequestDrilldownWindow, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 604_800_000 };

/**
 * The time range searched for a request: `window` either side of `around` (the time of the line the
 * user came from; default 1h), or the last `window` before now without one (default 24h).
 */
export function resolveRequestSearchWindow(input: { around?: string | Date; window?: RequestDrilldownWindow; now: Date }): { from: Date; to: Date } {
  const around = input.around === undefined ? null : new Date(input.around);
  if (around && Number.isFinite(around.getTime())) {
    const half = WINDOW_MS[input.window ?? "1h"];
    return { from: new Date(around.getTime() - half), to: new Date(around.getTime() + half) };
  }
  return { from: new Date(input.now.getTime() - WINDOW_MS[input.window ?? "24h"]), to: input.now };
}

function timeRange(mapping: FieldMapping, from: Date, to: Date) {
  return timeRangeClause(mapping.timestamp, from, to, "lte");
}

/** Any correlation field holding the id: one `term` per field, at least one must match. */
function anyCorrelationField(mapping: FieldMapping, id: string) {
  // `match` with lenient, not `term`: pino-http's default ids are numbers, and a term of "req-42" on a
  // numeric field fails that source's whole search. On a keyword field match is the same exact term;
  // the verb checks every line's id exactly anyway (lineJoinsRequest).
  return mapping.correlationIds.map((field) => ({ match: { [field]: { query: id, lenient: true } } }));
}

/**
 * Lines whose statement text names the id in a sqlcommenter comment (`request_id='…'`, a
 * traceparent's trace id): PostgreSQL's own log lines carry no correlation field. A phrase can
 * over-match (`req-1` inside `req-1-b`), so the verb keeps only lines whose comment names the id.
 */
function statementMentions(mapping: FieldMapping, id: string) {
  return [...new Set([mapping.sqlStatement, mapping.message])].map((field) => ({ match_phrase: { [field]: id } }));
}

/** Every line of one request in the range, oldest first, capped at REQUEST_LINES_LIMIT. */
export function buildRequestLinesQuery(input: { id: string; from: Date; to: Date; mapping: FieldMapping; limit?: number }): Record<string, unknown> {
  const { mapping } = input;
  return {
    size: input.limit ?? REQUEST_LINES_LIMIT,
    track_total_hits: true,
    query: {
      bool: {
        filter: [timeRange(mapping, input.from, input.to)],
        should: [...anyCorrelationField(mapping, input.id), ...statementMentions(mapping, input.id)],
        minimum_should_match: 1,
      },
    },
    sort: [{ [mapping.timestamp]: { order: "asc" } }],
  };
}

export function isRequestLinesTruncated(totalHits: number, returnedHits: number): boolean {
  return totalHits > returnedHits;
}

export interface RelatedRequestsInput {
  id: string;
  mapping: FieldMapping;
  /** The drilldown's search window (failed requests to the same endpoint are looked for in it). */
  from: Date;
  to: Date;
  /** When the request happened (its first line), the centre of the same-user search. */
  at: Date;
  /** From the request's lines; a missing value means that search is not run (null body). */
  userId: string | null;
  method: string | null;
  path: string | null;
}

/** Requests by their first correlation field: the ten most recent, with when they started and their worst status. */
function requestsAggregation(mapping: FieldMapping) {
  const field = mapping.correlationIds[0] ?? "http.request.id";
  return {
    requests: {
      terms: { field, size: RELATED_REQUESTS_LIMIT, order: { first_seen: "desc" } },
      aggs: { first_seen: { min: { field: mapping.timestamp } }, worst_status: { max: { field: mapping.status } } },
    },
  };
}

/**
 * (a) other requests of the same user within ±10 minutes, (b) other failed requests (status >= 500)
 * to the same method and path in the window. Both leave out every line carrying this id.
 */
export function buildRelatedRequestsQueries(input: RelatedRequestsInput): { sameUser: Record<string, unknown> | null; sameEndpointFailures: Record<string, unknown> | null } {
  const { mapping } = input;
  const mustNot = anyCorrelationField(mapping, input.id);
  const sameUser = input.userId
    ? {
        size: 0,
        query: {
          bool: {
            filter: [
              timeRange(mapping, new Date(input.at.getTime() - SAME_USER_WINDOW_MS), new Date(input.at.getTime() + SAME_USER_WINDOW_MS)),
              { term: { [mapping.userId]: input.userId } },
            ],
            must_not: mustNot,
          },
        },
        aggs: requestsAggregation(mapping),
      }
    : null;
  const sameEndpointFailures =
    input.method && input.path
      ? {
          size: 0,
          query: {
            bool: {
              filter: [
                timeRange(mapping, input.from, input.to),
                { term: { [mapping.method]: input.method } },
                { term: { [mapping.path]: input.path } },
                { range: { [mapping.status]: { gte: 500 } } },
              ],
              must_not: mustNot,
            },
          },
          aggs: requestsAggregation(mapping),
        }
      : null;
  return { sameUser, sameEndpointFailures };
}

/**
 * The related requests several sources found, as one list: a request seen in two sources is one
 * row (its lines add up, it started at the earlier first line, its worst status is the worse).
 */
export function mergeRelatedRequests(lists: RelatedRequest[][]): RelatedRequest[] {
  if (lists.length === 1) return lists[0]!;
  const byId = new Map<string, RelatedRequest>();
  for (const request of lists.flat()) {
    const seen = byId.get(request.id);
    const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
    const worst = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
    byId.set(request.id, seen ? { id: request.id, lines: seen.lines + request.lines, firstSeen: earliest(seen.firstSeen, request.firstSeen), worstStatus: worst(seen.worstStatus, request.worstStatus) } : request);
  }
  return [...byId.values()].sort((a, b) => (b.firstSeen ?? 0) - (a.firstSeen ?? 0)).slice(0, RELATED_REQUESTS_LIMIT);
}

/** Reads the `requests` terms aggregation of a related-requests answer; tolerant of missing parts. */
export function readRelatedRequests(aggregations: unknown): RelatedRequest[] {
  const buckets = (aggregations as { requests?: { buckets?: unknown } } | undefined)?.requests?.buckets;
  if (!Array.isArray(buckets)) return [];
  return buckets.flatMap((bucket: { key?: unknown; doc_count?: unknown; first_seen?: { value?: unknown }; worst_status?: { value?: unknown } }) => {
    if (typeof bucket?.key !== "string" && typeof bucket?.key !== "number") return [];
    const first = bucket.first_seen?.value;
    const worst = bucket.worst_status?.value;
    return [
      {
        id: String(bucket.key),
        lines: typeof bucket.doc_count === "number" ? bucket.doc_count : 0,
        firstSeen: typeof first === "number" && Number.isFinite(first) ? first : null,
        worstStatus: typeof worst === "number" && Number.isFinite(worst) ? worst : null,
      },
    ];
  });
}
