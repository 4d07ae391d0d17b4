import { describe, expect, it } from "vitest";
import {
  buildRelatedRequestsQueries,
  buildRequestLinesQuery,
  isRequestLinesTruncated,
  readRelatedRequests,
  REQUEST_LINES_LIMIT,
  resolveRequestSearchWindow,
} from "./build-request-lines-query";
import { ECS_FIELD_MAPPING } from "./field-mapping";

const from = new Date("2025-06-01T11:00:00Z");
const to = new Date("2025-06-01T13:00:00Z");

describe("buildRequestLinesQuery", () => {
  it("matches the id on any correlation field inside the range, oldest first, capped", () => {
    expect(buildRequestLinesQuery({ id: "req-1", from, to, mapping: ECS_FIELD_MAPPING })).toEqual({
      size: REQUEST_LINES_LIMIT,
      track_total_hits: true,
      query: {
        bool: {
          filter: [{ range: { "@timestamp": { gte: Date.parse("2025-06-01T11:00:00.000Z"), lte: Date.parse("2025-06-01T13:00:00.000Z"), format: "epoch_millis" } } }],
          should: [
            { match: { "http.request.id": { query: "req-1", lenient: true } } },
            { match: { "trace.id": { query: "req-1", lenient: true } } },
            { match: { "transaction.id": { query: "req-1", lenient: true } } },
            // sqlcommenter comments in statements (PostgreSQL's own lines) and in raw server lines' messages
            { match_phrase: { "db.statement": "req-1" } },
            { match_phrase: { message: "req-1" } },
          ],
          minimum_should_match: 1,
        },
      },
      sort: [{ "@timestamp": { order: "asc" } }],
    });
    expect(REQUEST_LINES_LIMIT).toBe(2000);
  });

  it("uses the mapped names and passes the id as a value, never as query syntax", () => {
    const mapping = { ...ECS_FIELD_MAPPING, timestamp: "time", correlationIds: ["x_request_id"] };
    const body = buildRequestLinesQuery({ id: 'a" OR *:*', from, to, mapping, limit: 10 });
    expect(body).toMatchObject({ size: 10, query: { bool: { should: [{ match: { x_request_id: { query: 'a" OR *:*', lenient: true } } }, { match_phrase: { "db.statement": 'a" OR *:*' } }, { match_phrase: { message: 'a" OR *:*' } }] } }, sort: [{ time: { order: "asc" } }] });
    expect(JSON.stringify(body)).not.toContain("query_string");
  });

  it("says truncated when the engine matched more than it returned", () => {
    expect(isRequestLinesTruncated(2001, 2000)).toBe(true);
    expect(isRequestLinesTruncated(2000, 2000)).toBe(false);
  });
});

describe("resolveRequestSearchWindow", () => {
  const now = new Date("2025-06-02T00:00:00Z");
  it("centres the window on the time the user came from", () => {
    expect(resolveRequestSearchWindow({ around: "2025-06-01T12:00:00Z", now })).toEqual({ from: new Date("2025-06-01T11:00:00Z"), to: new Date("2025-06-01T13:00:00Z") });
    expect(resolveRequestSearchWindow({ around: "2025-06-01T12:00:00Z", window: "24h", now }).from).toEqual(new Date("2025-05-31T12:00:00Z"));
  });
  it("looks back from now without a time", () => {
    expect(resolveRequestSearchWindow({ now })).toEqual({ from: new Date("2025-06-01T00:00:00Z"), to: now });
    expect(resolveRequestSearchWindow({ now, window: "7d" }).from).toEqual(new Date("2025-05-26T00:00:00Z"));
  });
});

describe("buildRelatedRequestsQueries", () => {
  const input = { id: "req-1", mapping: ECS_FIELD_MAPPING, from, to, at: new Date("2025-06-01T12:00:00Z"), userId: "4821", method: "POST", path: "/api/orders/checkout" };

  it("finds the same user's other requests within ten minutes", () => {
    const { sameUser } = buildRelatedRequestsQueries(input);
    expect(sameUser).toEqual({
      size: 0,
      query: {
        bool: {
          filter: [
            { range: { "@timestamp": { gte: Date.parse("2025-06-01T11:50:00.000Z"), lte: Date.parse("2025-06-01T12:10:00.000Z"), format: "epoch_millis" } } },
            { term: { "user.id": "4821" } },
          ],
          must_not: [{ match: { "http.request.id": { query: "req-1", lenient: true } } }, { match: { "trace.id": { query: "req-1", lenient: true } } }, { match: { "transaction.id": { query: "req-1", lenient: true } } }],
        },
      },
      aggs: {
        requests: {
          terms: { field: "http.request.id", size: 10, order: { first_seen: "desc" } },
          aggs: { first_seen: { min: { field: "@timestamp" } }, worst_status: { max: { field: "http.response.status_code" } } },
        },
      },
    });
  });

  it("finds other failed requests to the same endpoint in the window", () => {
    const { sameEndpointFailures } = buildRelatedRequestsQueries(input);
    expect((sameEndpointFailures as { query: { bool: { filter: unknown[] } } }).query.bool.filter).toEqual([
      { range: { "@timestamp": { gte: Date.parse("2025-06-01T11:00:00.000Z"), lte: Date.parse("2025-06-01T13:00:00.000Z"), format: "epoch_millis" } } },
      { term: { "http.request.method": "POST" } },
      { term: { "url.path": "/api/orders/checkout" } },
      { range: { "http.response.status_code": { gte: 500 } } },
    ]);
    expect(JSON.stringify(sameEndpointFailures)).toContain('"must_not":[{"match":{"http.request.id":{"query":"req-1","lenient":true}}}');
  });

  it("skips a search it has nothing to search with", () => {
    expect(buildRelatedRequestsQueries({ ...input, userId: null, path: null })).toEqual({ sameUser: null, sameEndpointFailures: null });
  });
});

describe("readRelatedRequests", () => {
  it("reads the buckets and tolerates gaps", () => {
    const aggregations = {
      requests: {
        buckets: [
          { key: "req-2", doc_count: 9, first_seen: { value: 1748779200000, value_as_string: "…" }, worst_status: { value: 502 } },
          { key: "req-3", doc_count: 4, first_seen: { value: null }, worst_status: { value: null } },
          { doc_count: 1 },
        ],
      },
    };
    expect(readRelatedRequests(aggregations)).toEqual([
      { id: "req-2", lines: 9, firstSeen: 1748779200000, worstStatus: 502 },
      { id: "req-3", lines: 4, firstSeen: null, worstStatus: null },
    ]);
    expect(readRelatedRequests(undefined)).toEqual([]);
  });
});
