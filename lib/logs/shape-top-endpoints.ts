import type { FailingEndpoint } from "@/lib/schemas/overview";
import { OVERVIEW_LIMITS } from "./overview-limits";
import { toRouteTemplate } from "./route-template";
import { rate } from "./shape-error-rate";

interface Count { doc_count: number }
interface Terms<B> { buckets?: B[]; sum_other_doc_count?: number }
interface PathBucket extends Count { key: string; server_errors: Count }
interface MethodBucket extends Count { key: string; by_path: Terms<PathBucket> }
interface FailingPair { key: { path: string; service: string } }

export interface ShapedEndpoints {
  endpoints: FailingEndpoint[];
  /** Request lines the method or path limits left out of the grouping. */
  uncounted: number;
}

/** Services that answered 5xx per raw path, from buildFailingPathServicesSearch. */
function servicesByPath(aggregations: Record<string, unknown> | undefined): Map<string, string[]> {
  const pairs = ((aggregations?.failing ?? {}) as { buckets?: FailingPair[] }).buckets ?? [];
  const byPath = new Map<string, string[]>();
  for (const { key } of pairs) byPath.set(String(key.path), [...(byPath.get(String(key.path)) ?? []), String(key.service)]);
  return byPath;
}

/**
 * Sums the method/path buckets of buildEndpointSearch by method and route template, then keeps
 * the endpoints with 5xx, most 5xx first (ties: more requests, then the key), as the ground truth does.
 */
export function shapeTopEndpoints(
  endpointAggregations: Record<string, unknown> | undefined,
  servicesAggregations: Record<string, unknown> | undefined,
  options: { redact?: (text: string) => string; limit?: number } = {},
): ShapedEndpoints {
  const redact = options.redact ?? ((text: string) => text);
  const methods = (endpointAggregations?.by_method ?? {}) as Terms<MethodBucket>;
  const services = servicesByPath(servicesAggregations);
  const groups = new Map<string, FailingEndpoint>();
  let uncounted = methods.sum_other_doc_count ?? 0;
  for (const methodBucket of methods.buckets ?? []) {
    const method = String(methodBucket.key);
    uncounted += methodBucket.by_path.sum_other_doc_count ?? 0;
    for (const pathBucket of methodBucket.by_path.buckets ?? []) {
      const path = toRouteTemplate(redact(String(pathBucket.key)));
      const key = `${method} ${path}`;
      const group = groups.get(key) ?? { method, path, services: [], requests: 0, serverErrors: 0, errorRate: null };
      group.requests += pathBucket.doc_count;
      group.serverErrors += pathBucket.server_errors.doc_count;
      for (const service of services.get(String(pathBucket.key)) ?? []) if (!group.services.includes(service)) group.services.push(service);
      groups.set(key, group);
    }
  }
  const endpoints = [...groups.values()]
    .filter((group) => group.serverErrors > 0)
    .map((group) => ({ ...group, services: [...group.services].sort(), errorRate: rate(group.serverErrors, group.requests) }))
    .sort((a, b) => b.serverErrors - a.serverErrors || b.requests - a.requests || sortKey(a).localeCompare(sortKey(b)))
    .slice(0, options.limit ?? OVERVIEW_LIMITS.topEndpoints);
  return { endpoints, uncounted };
}

function sortKey(endpoint: FailingEndpoint): string {
  return `${endpoint.services.join(",")} ${endpoint.method} ${endpoint.path}`;
}

export function endpointLimitNotice(uncounted: number): string | null {
  if (uncounted === 0) return null;
  return `Top endpoints read the ${OVERVIEW_LIMITS.endpointPathsPerMethod.toLocaleString("en-US")} paths per method with the most 5xx; ${uncounted.toLocaleString("en-US")} request lines on other paths were not counted, so request totals and rates there may be low. Narrow the range or filter by service for exact numbers.`;
}
