import type { FieldMapping } from "./field-mapping";
import { OVERVIEW_LIMITS } from "./overview-limits";

/**
 * Request lines per method and raw url.path, with their 5xx. Route templates (`/api/users/{id}`)
 * cannot be computed in the engine without scripts, so paths are grouped in code
 * (shapeTopEndpoints). Method is the outer level on purpose: a terms sub-aggregation under
 * thousands of path buckets cost the engine ~5x more (3.1 s vs 0.66 s at 10 M lines). Ordering
 * by 5xx first keeps every failing path in; the key breaks ties so the cut is deterministic.
 */
export function buildEndpointSearch(input: { mapping: FieldMapping }, filter: unknown[]): Record<string, unknown> {
  const { mapping } = input;
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter } },
    aggs: {
      by_method: {
        terms: { field: mapping.method, size: OVERVIEW_LIMITS.endpointMethods },
        aggs: {
          by_path: {
            terms: { field: mapping.path, size: OVERVIEW_LIMITS.endpointPathsPerMethod, order: [{ server_errors: "desc" }, { _key: "asc" }] },
            aggs: { server_errors: { filter: { range: { [mapping.status]: { gte: 500 } } } } },
          },
        },
      },
    },
  };
}

/**
 * Which services answered each failing path: a composite over the 5xx lines only, a small set,
 * in its own search so neither search nears the engines' bucket limit.
 */
export function buildFailingPathServicesSearch(input: { mapping: FieldMapping }, filter: unknown[]): Record<string, unknown> {
  const { mapping } = input;
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: [...filter, { range: { [mapping.status]: { gte: 500 } } }] } },
    aggs: {
      failing: {
        composite: {
          size: OVERVIEW_LIMITS.failingPathServices,
          sources: [{ path: { terms: { field: mapping.path } } }, { service: { terms: { field: mapping.service } } }],
        },
      },
    },
  };
}
