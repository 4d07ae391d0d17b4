import { describe, expect, it } from "vitest";
import { chooseBucketInterval, MAX_BUCKETS } from "./bucket-interval";

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;

describe("chooseBucketInterval", () => {
  it.each([
    [5 * MINUTE, "5s"],
    [15 * MINUTE, "10s"],
    [60 * MINUTE, "1m"],
    [DAY, "15m"],
    [7 * DAY, "2h"],
    [30 * DAY, "12h"],
  ])("range %d ms uses %s", (rangeMs, label) => {
    expect(chooseBucketInterval(rangeMs).label).toBe(label);
  });

  it("keeps every quick range between 60 and 120 buckets", () => {
    for (const rangeMs of [5 * MINUTE, 15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 4 * 60 * MINUTE, 12 * 60 * MINUTE, DAY, 2 * DAY, 7 * DAY, 30 * DAY]) {
      const buckets = rangeMs / chooseBucketInterval(rangeMs).ms;
      expect(buckets).toBeGreaterThanOrEqual(60);
      expect(buckets).toBeLessThanOrEqual(120);
    }
  });

  it("caps huge ranges", () => {
    const rangeMs = 400 * DAY;
    expect(rangeMs / chooseBucketInterval(rangeMs).ms).toBeLessThanOrEqual(MAX_BUCKETS);
  });
});
