import { describe, expect, it } from "vitest";
import { buildLogExportPage, nextPageSize } from "./build-log-export-query";
import { ECS_FIELD_MAPPING } from "./field-mapping";

const base = { filters: [{ term: { a: 1 } }], mapping: { ...ECS_FIELD_MAPPING, timestamp: "ts" }, order: "desc" as const, size: 500, pit: { id: "p1", keepAlive: "2m" } };

describe("buildLogExportPage", () => {
  it("counts on the first page and sorts by time with a unique tie-break inside the point in time", () => {
    expect(buildLogExportPage(base)).toEqual({
      size: 500,
      track_total_hits: true,
      query: { bool: { filter: [{ term: { a: 1 } }] } },
      sort: [{ ts: { order: "desc", unmapped_type: "date" } }, { _shard_doc: { order: "desc" } }],
      pit: { id: "p1", keep_alive: "2m" },
    });
  });

  it("continues after the previous page's last sort values without counting again", () => {
    const page = buildLogExportPage({ ...base, order: "asc", searchAfter: [1, 2] });
    expect(page).toMatchObject({ track_total_hits: false, search_after: [1, 2], sort: [{ ts: { order: "asc" } }, { _shard_doc: { order: "asc" } }] });
  });
});

describe("nextPageSize", () => {
  it("asks for a full batch until the cap is near, then for the rest", () => {
    expect(nextPageSize(5000, 100_000, 0)).toBe(5000);
    expect(nextPageSize(5000, 12_000, 10_000)).toBe(2000);
    expect(nextPageSize(5000, 10, 10)).toBe(0);
  });
});
