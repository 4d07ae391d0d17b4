import { describe, expect, it } from "vitest";
import { median, percentile, summarize } from "./stats";

describe("percentile", () => {
  it("interpolates between the closest ranks", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
  });

  it("does not depend on the input order and leaves the input alone", () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 50)).toBe(3);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it("returns the extremes at 0 and 100 and the only value of a single sample", () => {
    expect(percentile([3, 9, 7], 0)).toBe(3);
    expect(percentile([3, 9, 7], 100)).toBe(9);
    expect(percentile([42], 95)).toBe(42);
  });

  it("refuses no values and out-of-range percentiles", () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 101)).toThrow(/between 0 and 100/);
    expect(() => percentile([1], Number.NaN)).toThrow(/between 0 and 100/);
  });
});

describe("summarize", () => {
  it("gives count, min, median, p95, max and mean", () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(summarize(values)).toEqual({ count: 20, min: 1, median: 10.5, p95: 19.05, max: 20, mean: 10.5 });
    expect(median([7, 1, 3])).toBe(3);
  });
});
