import type { FieldMapping } from "./field-mapping";
import { OVERVIEW_LIMITS } from "./overview-limits";

/**
 * Request lines per raw url.path, method and service, with their 5xx. Route templates
 * (`/api/users/{id}`) cannot be computed in the engine without scripts, so the paths are
 * grouped in code (shapeTopEndpoints). Ordering by 5xx first keeps every failing path in,
 * and the tie-break on the key makes the cut deterministic. See OVERVIEW_LIMITS for the bounds.
 */
export function buildEndpointSearch(input: { mapping: FieldMapping }, filter: unknown[]): Record<string, unknown> {
  const { mapping } = input;
  const serverErrors = { filter: { range: { [mapping.status]: { gte: 500 } } } };
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter } },
    aggs: {
      by_path: {
        terms: { field: mapping.path, size: OVERVIEW_LIMITS.endpointPaths, order: [{ server_errors: "desc" }, { _key: "asc" }] },
        aggs: {
          server_errors: serverErrors,
          by_method: { terms: { field: mapping.method, size: OVERVIEW_LIMITS.methodsPerPath }, aggs: { server_errors: serverErrors } },
          by_service: { terms: { field: mapping.service, size: OVERVIEW_LIMITS.servicesPerPath } },
        },
      },
    },
  };
}
