import type { ErrorRatePoint } from "@/lib/schemas/error-rate";

export type ErrorRateRow = { time: number } & Record<string, number | null>;

/** One row per bucket with a column per service, the shape a multi-line chart wants. */
export function toErrorRateRows(points: ErrorRatePoint[]): ErrorRateRow[] {
  const rows = new Map<number, ErrorRateRow>();
  for (const point of points) {
    const row = rows.get(point.time) ?? { time: point.time };
    row[point.service] = point.errorRate;
    rows.set(point.time, row);
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

export interface ServicePeak {
  service: string;
  time: number;
  errorRate: number;
  serverErrors: number;
  requests: number;
}

/** Each service's worst bucket by 5xx count (ties: the earliest), for the summary under the chart. */
export function findPeaks(points: ErrorRatePoint[]): ServicePeak[] {
  const peaks = new Map<string, ServicePeak>();
  for (const point of points) {
    if (point.serverErrors === 0 || point.errorRate === null) continue;
    const current = peaks.get(point.service);
    if (!current || point.serverErrors > current.serverErrors) {
      peaks.set(point.service, { service: point.service, time: point.time, errorRate: point.errorRate, serverErrors: point.serverErrors, requests: point.requests });
    }
  }
  return [...peaks.values()].sort((a, b) => b.serverErrors - a.serverErrors);
}
