import { describe, expect, it } from "vitest";
import { levelLabeller } from "./level-scheme";
import { cutFirstPage, shapeHistogram, shapeTopValues } from "./shape-log-page";

const hits = (...times: number[]) => times.map((time, i) => ({ id: `h${i}`, sort: [time] }));

describe("cutFirstPage", () => {
  it("keeps a short page whole", () => {
    expect(cutFirstPage(hits(5, 4), 3)).toEqual({ kind: "complete", shown: hits(5, 4) });
  });

  it("keeps the full page when the extra line has another timestamp", () => {
    expect(cutFirstPage(hits(9, 8, 7, 6), 3)).toEqual({ kind: "cut", shown: hits(9, 8, 7), boundary: 6 });
  });

  it("leaves a run that straddles the page end for page 2", () => {
    expect(cutFirstPage(hits(9, 8, 7, 7), 3)).toEqual({ kind: "cut", shown: hits(9, 8), boundary: 7 });
    expect(cutFirstPage(hits(9, 7, 7, 7), 3)).toEqual({ kind: "cut", shown: hits(9), boundary: 7 });
  });

  it("reports a page of one timestamp, which needs a point in time", () => {
    expect(cutFirstPage(hits(7, 7, 7, 7), 3)).toEqual({ kind: "all-tied", shown: hits(7, 7, 7) });
  });
});

describe("shapeHistogram and shapeTopValues", () => {
  it("turns aggregations into buckets and values", () => {
    const aggregations = {
      histogram: { buckets: [{ key: 60_000, doc_count: 2 }, { key: 120_000, doc_count: 0 }] },
      top_0: { buckets: [{ key: "users", doc_count: 5 }], sum_other_doc_count: 3 },
      top_1: { buckets: [{ key: 500, doc_count: 4 }, { key: 1, key_as_string: "true", doc_count: 1 }] },
    };
    expect(shapeHistogram(aggregations, { label: "1m", ms: 60_000 })).toEqual({ interval: "1m", intervalMs: 60_000, buckets: [{ time: 60_000, count: 2 }, { time: 120_000, count: 0 }] });
    expect(shapeTopValues(aggregations, [{ name: "top_0", field: "service.keyword", label: "service" }, { name: "top_1", field: "status", label: "status" }, { name: "missing", field: "x", label: "x" }])).toEqual([
      { field: "service", countedField: "service.keyword", values: [{ value: "users", count: 5 }], other: 3 },
      { field: "status", countedField: "status", values: [{ value: "500", count: 4 }, { value: "true", count: 1 }], other: 0 },
      { field: "x", countedField: "x", values: [], other: 0 },
    ]);
  });

  it("names level values under a numeric scheme and keeps the stored value for filters", () => {
    const aggregations = { top_1: { buckets: [{ key: 30, doc_count: 7 }, { key: 50, doc_count: 2 }] } };
    const [level] = shapeTopValues(aggregations, [{ name: "top_1", field: "level", label: "level", valueLabel: levelLabeller({ levelScheme: "pino" }) }]);
    expect(level!.values).toEqual([{ value: "30", count: 7, label: "info" }, { value: "50", count: 2, label: "error" }]);
    expect(levelLabeller({ levelScheme: "names" })).toBeUndefined();
  });
});
