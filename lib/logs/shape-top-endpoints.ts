import type { FailingEndpoint } from "@/lib/schemas/overview";
import { OVERVIEW_LIMITS } from "./overview-limits";
import { toRouteTemplate } from "./route-template";
import { rate } from "./shape-error-rate";

interface Count { doc_count: number }
interface Terms<B> { buckets?: B[]; sum_other_doc_count?: number }
interface PathBucket extends Count {
  key: string;
  server_errors: Count;
  by_method: Terms<Count & { key: string; server_errors: Count }>;
  by_service: Terms<{ key: string }>;
}

export interface ShapedEndpoints {
  endpoints: FailingEndpoint[];
  /** Request lines the path, method or service limits left out of the grouping. */
  uncounted: number;
}

/**
 * Sums the raw-path buckets of buildEndpointSearch by method and route template, then keeps the
 * endpoints with 5xx, most 5xx first (ties: more requests, then the key), as the ground truth does.
 */
export function shapeTopEndpoints(aggregations: Record<string, unknown> | undefined, options: { redact?: (text: string) => string; limit?: number } = {}): ShapedEndpoints {
  const redact = options.redact ?? ((text: string) => text);
  const terms = (aggregations?.by_path ?? {}) as Terms<PathBucket>;
  const groups = new Map<string, FailingEndpoint>();
  let uncounted = terms.sum_other_doc_count ?? 0;
  for (const pathBucket of terms.buckets ?? []) {
    const path = toRouteTemplate(redact(String(pathBucket.key)));
    const services = (pathBucket.by_service.buckets ?? []).map((bucket) => String(bucket.key));
    uncounted += pathBucket.by_method.sum_other_doc_count ?? 0;
    for (const methodBucket of pathBucket.by_method.buckets ?? []) {
      const method = String(methodBucket.key);
      const key = `${method} ${path}`;
      const group = groups.get(key) ?? { method, path, services: [], requests: 0, serverErrors: 0, errorRate: null };
      group.requests += methodBucket.doc_count;
      group.serverErrors += methodBucket.server_errors.doc_count;
      for (const service of services) if (!group.services.includes(service)) group.services.push(service);
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
  return `Top endpoints read the ${OVERVIEW_LIMITS.endpointPaths.toLocaleString("en-US")} paths with the most 5xx; ${uncounted.toLocaleString("en-US")} request lines on other paths were not counted, so request totals and rates there may be low. Narrow the range or filter by service for exact numbers.`;
}
