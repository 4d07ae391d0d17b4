import { describe, expect, it } from "vitest";
import { bucketStarts, isCacheable, seriesAnswer, seriesBuckets, settleEdge, spansToQuery } from "./bucket-plan";

const minute = 60_000;
const t = (m: number) => Date.UTC(2026, 11, 1, 14, 0) + m * minute;
const window = { from: new Date(t(0)), to: new Date(t(10)), intervalMs: minute };

describe("bucket plan", () => {
  it("lists every bucket the window touches, the partial first one included", () => {
    expect(bucketStarts({ ...window, from: new Date(t(0) + 5_000) })).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(t));
  });

  it("caches only whole buckets that ended before the settle edge", () => {
    const settled = settleEdge(new Date(t(8) + 30_000), 2 * minute, minute);
    expect(settled).toBe(t(6));
    expect(isCacheable(t(5), window, settled)).toBe(true);
    expect(isCacheable(t(6), window, settled)).toBe(false);
    expect(isCacheable(t(0), { ...window, from: new Date(t(0) + 1) }, settled)).toBe(false);
  });

  it("asks for each run of unanswered buckets as one range, clipped to the window", () => {
    const cached = new Set([t(1), t(2), t(3), t(5)]);
    const spans = spansToQuery(bucketStarts({ ...window, from: new Date(t(0) + 5_000) }), (start) => cached.has(start), { ...window, from: new Date(t(0) + 5_000) });
    expect(spans.map((span) => [span.from.getTime(), span.to.getTime()])).toEqual([[t(0) + 5_000, t(1)], [t(4), t(5)], [t(6), t(10)]]);
    expect(spansToQuery(bucketStarts(window), () => true, window)).toEqual([]);
  });

  it("puts buckets back in time order", () => {
    const buckets = [{ key: t(2), doc_count: 2 }, { key: t(1), doc_count: 1 }];
    expect(seriesBuckets(seriesAnswer(buckets)).map((bucket) => bucket.doc_count)).toEqual([1, 2]);
  });
});
