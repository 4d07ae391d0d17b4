/**
 * Picks a date_histogram fixed_interval that yields about 60 to 120 buckets. We choose
 * it ourselves because auto_date_histogram is missing from the Elasticsearch test
 * distribution, and a cap keeps any request from asking for unbounded buckets.
 */
const NICE_INTERVALS: Array<{ ms: number; label: string }> = [
  { ms: 1_000, label: "1s" }, { ms: 5_000, label: "5s" }, { ms: 10_000, label: "10s" },
  { ms: 30_000, label: "30s" }, { ms: 60_000, label: "1m" }, { ms: 120_000, label: "2m" },
  { ms: 300_000, label: "5m" }, { ms: 600_000, label: "10m" }, { ms: 900_000, label: "15m" },
  { ms: 1_800_000, label: "30m" }, { ms: 3_600_000, label: "1h" }, { ms: 7_200_000, label: "2h" },
  { ms: 10_800_000, label: "3h" }, { ms: 21_600_000, label: "6h" }, { ms: 43_200_000, label: "12h" },
  { ms: 86_400_000, label: "1d" },
];

export const TARGET_MIN_BUCKETS = 60;
export const MAX_BUCKETS = 240;

export interface BucketInterval {
  ms: number;
  /** fixed_interval string understood by both engines. */
  label: string;
}

export function chooseBucketInterval(rangeMs: number): BucketInterval {
  // The largest nice interval that still gives at least TARGET_MIN_BUCKETS buckets.
  let chosen = NICE_INTERVALS[0]!;
  for (const interval of NICE_INTERVALS) {
    if (rangeMs / interval.ms >= TARGET_MIN_BUCKETS) chosen = interval;
  }
  if (rangeMs / chosen.ms > MAX_BUCKETS) {
    // Ranges beyond the table (only possible past the 31-day maximum) still stay capped.
    const ms = Math.ceil(rangeMs / MAX_BUCKETS / 60_000) * 60_000;
    return { ms, label: `${ms / 60_000}m` };
  }
  return chosen;
}
