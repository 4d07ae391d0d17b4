import { describe, expect, it } from "vitest";
import { buildFieldValuesQuery, buildLogPageQuery, logPageSort } from "./build-log-page-query";

const input = {
  filters: [{ term: { "service.name": "users" } }],
  mapping: { timestamp: "@timestamp" },
  size: 500,
  order: "desc" as const,
  from: new Date(0),
  to: new Date(3_600_000),
  interval: "1m",
  topFields: [{ name: "top_0", field: "service.name" }],
};

describe("buildLogPageQuery", () => {
  it("asks for the page, the exact total, the histogram and top values in one search", () => {
    const body = buildLogPageQuery(input);
    expect(body).toEqual({
      size: 500,
      track_total_hits: true,
      query: { bool: { filter: input.filters } },
      sort: [{ "@timestamp": { order: "desc", numeric_type: "date" } }],
      aggs: {
        histogram: { date_histogram: { field: "@timestamp", fixed_interval: "1m", min_doc_count: 0, extended_bounds: { min: 0, max: 3_600_000 } } },
        top_0: { terms: { field: "service.name", size: 10 } },
      },
    });
    expect(body).not.toHaveProperty("pit");
  });

  it("reads a point in time after a cursor, with the _shard_doc tiebreaker", () => {
    const body = buildLogPageQuery({ ...input, pit: { id: "p1", keepAlive: "300s", after: [5, -1], direction: "next" } });
    expect(body).toMatchObject({ pit: { id: "p1", keep_alive: "300s" }, search_after: [5, -1], sort: [{ "@timestamp": { order: "desc" } }, { _shard_doc: { order: "asc" } }] });
  });

  it("reads a live page after a cursor by time alone, without a point in time", () => {
    const body = buildLogPageQuery({ ...input, order: "asc", liveAfter: [501] });
    expect(body).toMatchObject({ search_after: [501], sort: [{ "@timestamp": { order: "asc", numeric_type: "date" } }] });
    expect(body).not.toHaveProperty("pit");
  });

  it("flips both sorts to read backwards", () => {
    expect(logPageSort("ts", "desc", { direction: "prev" })).toEqual([{ ts: { order: "asc", numeric_type: "date" } }, { _shard_doc: { order: "desc" } }]);
    expect(logPageSort("ts", "asc", { direction: "prev" })).toEqual([{ ts: { order: "desc", numeric_type: "date" } }, { _shard_doc: { order: "desc" } }]);
    expect(logPageSort("ts", "asc", { direction: "next" })).toEqual([{ ts: { order: "asc", numeric_type: "date" } }, { _shard_doc: { order: "asc" } }]);
  });
});

describe("buildFieldValuesQuery", () => {
  it("counts one field under the filters without fetching lines", () => {
    expect(buildFieldValuesQuery(input.filters, "custom.tag")).toEqual({ size: 0, track_total_hits: true, query: { bool: { filter: input.filters } }, aggs: { values: { terms: { field: "custom.tag", size: 10 } } } });
  });
});
