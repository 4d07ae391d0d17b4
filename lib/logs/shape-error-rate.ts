import type { ErrorRatePoint } from "@/lib/schemas/error-rate";

interface CountBucket { doc_count: number }
interface TimeBucket extends CountBucket { key: number; server_errors: CountBucket }
interface ServiceBucket extends CountBucket {
  key: string;
  server_errors_total: CountBucket;
  over_time: { buckets: TimeBucket[] };
}

export interface ShapedErrorRate {
  services: string[];
  points: ErrorRatePoint[];
  totals: Array<{ service: string; requests: number; serverErrors: number; errorRate: number | null }>;
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Turns the by_service aggregation of buildErrorRateQuery into flat chart points. */
export function shapeErrorRate(aggregations: Record<string, unknown> | undefined): ShapedErrorRate {
  const byService = (aggregations?.by_service as { buckets?: ServiceBucket[] } | undefined)?.buckets ?? [];
  const services = byService.map((bucket) => String(bucket.key));
  const points: ErrorRatePoint[] = [];
  for (const serviceBucket of byService) {
    for (const bucket of serviceBucket.over_time.buckets) {
      points.push({
        time: bucket.key,
        service: String(serviceBucket.key),
        requests: bucket.doc_count,
        serverErrors: bucket.server_errors.doc_count,
        errorRate: rate(bucket.server_errors.doc_count, bucket.doc_count),
      });
    }
  }
  const totals = byService.map((bucket) => ({
    service: String(bucket.key),
    requests: bucket.doc_count,
    serverErrors: bucket.server_errors_total.doc_count,
    errorRate: rate(bucket.server_errors_total.doc_count, bucket.doc_count),
  }));
  return { services, points, totals };
}
