import { describe, expect, it } from "vitest";
import { buildAnchorLookupQuery, buildSurroundingQueries, orderSurroundingHits } from "./build-surrounding-lines-query";
import { ECS_FIELD_MAPPING } from "./field-mapping";

const mapping = { ...ECS_FIELD_MAPPING, timestamp: "ts", service: "svc.keyword" };

describe("buildAnchorLookupQuery", () => {
  it("looks the line up by id only, sorted so its sort values can seed search_after", () => {
    expect(buildAnchorLookupQuery("abc", mapping)).toEqual({
      size: 2,
      track_total_hits: true,
      query: { ids: { values: ["abc"] } },
      sort: [{ ts: { order: "asc", unmapped_type: "date" } }, { _doc: { order: "asc" } }],
    });
  });
});

describe("buildSurroundingQueries", () => {
  it("searches the same service both ways from the anchor's sort position", () => {
    const { before, after } = buildSurroundingQueries({ mapping, service: "orders", anchorSort: [1_700_000_000_000, 42], before: 10, after: 5 });
    expect(before).toEqual({
      size: 10,
      track_total_hits: false,
      query: { bool: { filter: [{ term: { "svc.keyword": "orders" } }] } },
      sort: [{ ts: { order: "desc", unmapped_type: "date" } }, { _doc: { order: "desc" } }],
      search_after: [1_700_000_000_000, 42],
    });
    expect(after).toMatchObject({ size: 5, sort: [{ ts: { order: "asc", unmapped_type: "date" } }, { _doc: { order: "asc" } }], search_after: [1_700_000_000_000, 42] });
  });

  it("matches lines without a service when the anchor has none", () => {
    const { after } = buildSurroundingQueries({ mapping, service: null, anchorSort: [1, 2], before: 1, after: 1 });
    expect(after.query).toEqual({ bool: { filter: [{ bool: { must_not: [{ exists: { field: "svc.keyword" } }] } }] } });
  });
});

describe("orderSurroundingHits", () => {
  it("puts the newest-first lines before the anchor in time order and marks the anchor", () => {
    expect(orderSurroundingHits(["b2", "b1"], "a", ["c1", "c2"])).toEqual([
      { hit: "b1", anchor: false },
      { hit: "b2", anchor: false },
      { hit: "a", anchor: true },
      { hit: "c1", anchor: false },
      { hit: "c2", anchor: false },
    ]);
    expect(orderSurroundingHits([], "a", [])).toEqual([{ hit: "a", anchor: true }]);
  });
});
