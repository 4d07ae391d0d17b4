import type { ErrorLinePoint, OverviewPoint } from "@/lib/schemas/overview";

export type StatusClassRow = { time: number; "2xx": number; "3xx": number; "4xx": number; "5xx": number };
export type CountRow = { time: number } & Record<string, number>;

/** One service's request lines per bucket by status class, for the stacked bars. */
export function toStatusClassRows(points: OverviewPoint[], service: string): StatusClassRow[] {
  return points
    .filter((point) => point.service === service)
    .map((point) => ({ time: point.time, "2xx": point.status2xx, "3xx": point.status3xx, "4xx": point.status4xx, "5xx": point.serverErrors }))
    .sort((a, b) => a.time - b.time);
}

/** ERROR + FATAL lines per bucket with a column per service, for the stacked error-count bars. */
export function toErrorCountRows(points: ErrorLinePoint[]): CountRow[] {
  const rows = new Map<number, CountRow>();
  for (const point of points) {
    const row = rows.get(point.time) ?? ({ time: point.time } as CountRow);
    row[point.service] = point.errorLines + point.fatalLines;
    rows.set(point.time, row);
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

/**
 * The instants a span of buckets covers, clipped to the range that was queried: the first
 * bucket may start before `from` and the last end after `to`, but only lines inside were counted.
 */
export function bucketSpan(firstBucket: number, lastBucket: number, intervalMs: number, range: { from: string; to: string }): { from: string; to: string } {
  const start = Math.max(Math.min(firstBucket, lastBucket), Date.parse(range.from));
  const end = Math.min(Math.max(firstBucket, lastBucket) + intervalMs, Date.parse(range.to));
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}
