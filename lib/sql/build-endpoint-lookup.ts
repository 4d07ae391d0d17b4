import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { timeRangeClause } from "@/lib/logs/time-range-clause";

/** How many sample requests a fingerprint page looks up to name the endpoints that issue it. */
export const ENDPOINT_LOOKUP_IDS = 50;

/**
 * The request lines (lines with a status) of the given correlation ids, by service, method and
 * route (or path where no route is logged): which endpoints issued a fingerprint's slow runs.
 */
export function buildEndpointLookupSearch(input: { from: Date; to: Date; mapping: FieldMapping; ids: readonly string[] }): Record<string, unknown> {
  const { mapping } = input;
  const ids = [...input.ids].slice(0, ENDPOINT_LOOKUP_IDS);
  return {
    size: 0,
    track_total_hits: false,
    query: {
      bool: {
        filter: [timeRangeClause(mapping.timestamp, input.from, input.to, "lt"), { exists: { field: mapping.status } }],
        should: mapping.correlationIds.map((field) => ({ terms: { [field]: ids } })),
        minimum_should_match: 1,
      },
    },
    aggs: {
      services: {
        terms: { field: mapping.service, size: 10 },
        aggs: {
          methods: {
            terms: { field: mapping.method, size: 5, missing: "" },
            aggs: { routes: { terms: { field: mapping.route, size: 10 } }, paths: { terms: { field: mapping.path, size: 10 } } },
          },
        },
      },
    },
  };
}
