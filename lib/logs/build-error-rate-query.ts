import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { timeRangeClause } from "./time-range-clause";

export interface ErrorRateQueryInput {
  from: Date;
  to: Date;
  intervalLabel: string;
  services: string[];
  mapping: FieldMapping;
  /** Upper bound on services returned; the rest are left out of the chart, not merged. */
  maxServices?: number;
}

/**
 * Error rate per service: request lines (those with a status) per bucket, and the 5xx
 * among them. The ratio is computed in our code (no bucket_script on the test engine).
 */
export function buildErrorRateQuery(input: ErrorRateQueryInput): Record<string, unknown> {
  const { mapping } = input;
  const filter: unknown[] = [
    timeRangeClause(mapping.timestamp, input.from, input.to, "lt"),
    { exists: { field: mapping.status } },
  ];
  if (input.services.length > 0) filter.push({ terms: { [mapping.service]: input.services } });

  return {
    size: 0,
    track_total_hits: true,
    query: { bool: { filter } },
    aggs: {
      by_service: {
        terms: { field: mapping.service, size: input.maxServices ?? 20, order: { _count: "desc" } },
        aggs: {
          server_errors_total: { filter: { range: { [mapping.status]: { gte: 500 } } } },
          over_time: {
            date_histogram: {
              field: mapping.timestamp,
              fixed_interval: input.intervalLabel,
              min_doc_count: 0,
              extended_bounds: { min: input.from.getTime(), max: input.to.getTime() - 1 },
            },
            aggs: { server_errors: { filter: { range: { [mapping.status]: { gte: 500 } } } } },
          },
        },
      },
    },
  };
}
