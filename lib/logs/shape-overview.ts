import type { ErrorLinePoint, OverviewPoint, ServiceTotals } from "@/lib/schemas/overview";
import { OVERVIEW_LIMITS } from "./overview-limits";
import { rate } from "./shape-error-rate";

interface Count { doc_count: number }
type Classes = { buckets: Partial<Record<"2xx" | "3xx" | "4xx" | "5xx", Count>> };
type Levels = { buckets: Partial<Record<"error" | "fatal", Count>> };
interface Terms<B> { buckets?: B[]; sum_other_doc_count?: number }
interface RequestServiceBucket extends Count { key: string; status_class: Classes; over_time: { buckets: Array<Count & { key: number; status_class: Classes }> } }
interface ErrorServiceBucket extends Count { key: string; level: Levels; over_time: { buckets: Array<Count & { key: number; level: Levels }> } }

const n = (bucket: Count | undefined) => bucket?.doc_count ?? 0;

function classCounts(requests: number, classes: Classes) {
  const serverErrors = n(classes.buckets["5xx"]);
  return { requests, serverErrors, errorRate: rate(serverErrors, requests), status2xx: n(classes.buckets["2xx"]), status3xx: n(classes.buckets["3xx"]), status4xx: n(classes.buckets["4xx"]) };
}

/** Request lines per service per bucket by status class, the error rate computed here (no bucket_script). */
export function shapeRequestSeries(aggregations: Record<string, unknown> | undefined) {
  const terms = (aggregations?.by_service ?? {}) as Terms<RequestServiceBucket>;
  const buckets = terms.buckets ?? [];
  const points: OverviewPoint[] = [];
  for (const service of buckets) {
    for (const bucket of service.over_time.buckets) points.push({ time: bucket.key, service: String(service.key), ...classCounts(bucket.doc_count, bucket.status_class) });
  }
  const totals = buckets.map((service) => ({ service: String(service.key), ...classCounts(service.doc_count, service.status_class) }));
  return { services: buckets.map((bucket) => String(bucket.key)), points, totals, otherServiceLines: terms.sum_other_doc_count ?? 0 };
}

/** ERROR and FATAL lines per service per bucket, and per service in total. */
export function shapeErrorLines(aggregations: Record<string, unknown> | undefined) {
  const terms = (aggregations?.by_service ?? {}) as Terms<ErrorServiceBucket>;
  const buckets = terms.buckets ?? [];
  const points: ErrorLinePoint[] = [];
  for (const service of buckets) {
    for (const bucket of service.over_time.buckets) {
      points.push({ time: bucket.key, service: String(service.key), errorLines: n(bucket.level.buckets.error), fatalLines: n(bucket.level.buckets.fatal) });
    }
  }
  const totals = buckets.map((service) => ({ service: String(service.key), errorLines: n(service.level.buckets.error), fatalLines: n(service.level.buckets.fatal) }));
  return { services: buckets.map((bucket) => String(bucket.key)), points, totals, otherServiceLines: terms.sum_other_doc_count ?? 0 };
}

/** One row per service seen in either search: request services first (busiest first), then error-only ones. */
export function mergeServiceTotals(
  requests: ReturnType<typeof shapeRequestSeries>["totals"],
  errors: ReturnType<typeof shapeErrorLines>["totals"],
): ServiceTotals[] {
  const errorsByService = new Map(errors.map((row) => [row.service, row]));
  const rows: ServiceTotals[] = requests.map((row) => ({ ...row, errorLines: errorsByService.get(row.service)?.errorLines ?? 0, fatalLines: errorsByService.get(row.service)?.fatalLines ?? 0 }));
  const seen = new Set(rows.map((row) => row.service));
  for (const row of errors) {
    if (!seen.has(row.service)) rows.push({ requests: 0, serverErrors: 0, errorRate: null, status2xx: 0, status3xx: 0, status4xx: 0, ...row });
  }
  return rows;
}

/** Filter choices, alphabetical. */
export function shapeFacets(aggregations: Record<string, unknown> | undefined) {
  const keys = (name: string) => (((aggregations?.[name] ?? {}) as Terms<{ key: string }>).buckets ?? []).map((bucket) => String(bucket.key)).sort();
  return { services: keys("services"), environments: keys("environments") };
}

export function serviceLimitNotice(otherLines: number): string | null {
  return otherLines > 0 ? `Only the ${OVERVIEW_LIMITS.services} busiest services are shown (${otherLines.toLocaleString("en-US")} lines of other services left out); filter by service to see the others.` : null;
}
