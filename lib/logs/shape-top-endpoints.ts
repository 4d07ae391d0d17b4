import type { FailingEndpoint } from "@/lib/schemas/overview";
import { ENDPOINT_KINDS, type EndpointRecountTarget } from "./build-endpoint-search";
import { OVERVIEW_LIMITS } from "./overview-limits";
import { toRouteTemplate } from "./route-template";
import { rate } from "./shape-error-rate";

interface Count { doc_count: number }
interface Terms<B> { buckets?: B[]; sum_other_doc_count?: number }
interface PathBucket extends Count { key: string; server_errors: Count }
interface MethodBucket extends Count { key: string; by_path: Terms<PathBucket> }
interface FailingPair { key: { path: string; service: string } }
type Aggregations = Record<string, unknown> | undefined;

/** A ranked endpoint with the route templates its lines were read under, so it can be counted again. */
export interface RankedEndpoint extends FailingEndpoint, EndpointRecountTarget {}

export interface ShapedEndpoints {
  endpoints: FailingEndpoint[];
  /** Request lines the method, route or path limits left out of the ranking. */
  uncounted: number;
  /** Lines with 5xx may be among them, so an endpoint can be missing from the list (its numbers never are wrong). */
  rankingCut: boolean;
  /** Set when lines were left out: the endpoints to count again exactly before they are shown. */
  recount: RankedEndpoint[];
}

/** Services that answered 5xx per raw route or path, from buildFailingPathServicesSearch. */
function servicesByValue(aggregations: Aggregations, kind: string): Map<string, string[]> {
  const pairs = (((aggregations?.[kind] as Record<string, unknown> | undefined)?.failing ?? {}) as { buckets?: FailingPair[] }).buckets ?? [];
  const byValue = new Map<string, string[]>();
  for (const { key } of pairs) byValue.set(String(key.path), [...(byValue.get(String(key.path)) ?? []), String(key.service)]);
  return byValue;
}

const compareEndpoints = (a: FailingEndpoint, b: FailingEndpoint) => b.serverErrors - a.serverErrors || b.requests - a.requests || sortKey(a).localeCompare(sortKey(b));

function sortKey(endpoint: FailingEndpoint): string {
  return `${endpoint.services.join(",")} ${endpoint.method} ${endpoint.path}`;
}

const toShown = ({ method, path, services, requests, serverErrors }: FailingEndpoint): FailingEndpoint => ({ method, path, services: [...services].sort(), requests, serverErrors, errorRate: rate(serverErrors, requests) });

/**
 * Sums the method/route and method/path buckets of buildEndpointSearch by method and route
 * template, then keeps the endpoints with 5xx, most 5xx first (ties: more requests, then the
 * key), as the ground truth does. 5xx come first in every terms order, so a cut that left only
 * lines without 5xx out cannot change the ranking, only the request counts: those endpoints come
 * back in `recount` (with the ones tied at the end of the list) to be counted exactly.
 */
export function shapeTopEndpoints(endpointAggregations: Aggregations, servicesAggregations: Aggregations, options: { limit?: number } = {}): ShapedEndpoints {
  const limit = options.limit ?? OVERVIEW_LIMITS.topEndpoints;
  const groups = new Map<string, RankedEndpoint & { templateSet: Set<string> }>();
  let uncounted = 0;
  let rankingCut = false;
  for (const kind of ENDPOINT_KINDS) {
    const methods = ((endpointAggregations?.[kind] as Record<string, unknown> | undefined)?.by_method ?? {}) as Terms<MethodBucket>;
    const services = servicesByValue(servicesAggregations, kind);
    uncounted += methods.sum_other_doc_count ?? 0;
    // A whole method left out: nothing is known about its 5xx.
    if ((methods.sum_other_doc_count ?? 0) > 0) rankingCut = true;
    for (const methodBucket of methods.buckets ?? []) {
      const method = String(methodBucket.key);
      const paths = methodBucket.by_path;
      uncounted += paths.sum_other_doc_count ?? 0;
      // Buckets come most 5xx first: if the last one read still had 5xx, failing lines may have been cut.
      if ((paths.sum_other_doc_count ?? 0) > 0 && (paths.buckets?.at(-1)?.server_errors.doc_count ?? 0) > 0) rankingCut = true;
      for (const bucket of paths.buckets ?? []) {
        // Redacted by the context's store already, like every key.
        const raw = String(bucket.key);
        const path = toRouteTemplate(raw);
        const key = `${method} ${path}`;
        const group = groups.get(key) ?? { method, path, services: [], requests: 0, serverErrors: 0, errorRate: null, templates: [], templateSet: new Set<string>() };
        group.requests += bucket.doc_count;
        group.serverErrors += bucket.server_errors.doc_count;
        group.templateSet.add(path);
        for (const service of services.get(raw) ?? []) if (!group.services.includes(service)) group.services.push(service);
        groups.set(key, group);
      }
    }
  }
  const ranked = [...groups.values()]
    .filter((group) => group.serverErrors > 0)
    .map(({ templateSet, ...group }) => ({ ...group, ...toShown(group), templates: [...templateSet].sort() }))
    .sort(compareEndpoints);
  const endpoints = ranked.slice(0, limit).map(toShown);
  return { endpoints, uncounted, rankingCut, recount: uncounted > 0 ? recountCandidates(ranked, limit) : [] };
}

/** The listed endpoints, plus those tied with the last one on 5xx (exact counts may reorder them), at most twice the list. */
function recountCandidates(ranked: RankedEndpoint[], limit: number): RankedEndpoint[] {
  const last = ranked[limit - 1];
  const tied = last ? ranked.slice(limit).filter((endpoint) => endpoint.serverErrors === last.serverErrors) : [];
  return [...ranked.slice(0, limit), ...tied].slice(0, 2 * limit);
}

interface RecountBucket extends Count { server_errors: Count & { services: Terms<{ key: string }> } }

/** The recounted candidates with exact numbers and services, ranked again and cut to the list's length. */
export function applyEndpointRecount(candidates: RankedEndpoint[], aggregations: Aggregations, options: { limit?: number } = {}): FailingEndpoint[] {
  const buckets = ((aggregations?.endpoints ?? {}) as { buckets?: Record<string, RecountBucket> }).buckets ?? {};
  return candidates
    .map((candidate, index) => {
      const bucket = buckets[String(index)];
      // A path that held a secret reached us redacted and cannot be matched again: its first count stands.
      if (!bucket || candidate.templates.some((template) => template.includes("[REDACTED "))) return toShown(candidate);
      const services = (bucket.server_errors.services.buckets ?? []).map((service) => String(service.key));
      return toShown({ ...candidate, requests: bucket.doc_count, serverErrors: bucket.server_errors.doc_count, services });
    })
    .sort(compareEndpoints)
    .slice(0, options.limit ?? OVERVIEW_LIMITS.topEndpoints);
}

/** Said only when the cut can change which endpoints are listed; their numbers are exact either way. */
export function endpointLimitNotice(shaped: Pick<ShapedEndpoints, "uncounted" | "rankingCut">): string | null {
  if (!shaped.rankingCut) return null;
  const { endpointMethods, endpointRoutesPerMethod, endpointPathsPerMethod } = OVERVIEW_LIMITS;
  const format = (n: number) => n.toLocaleString("en-US");
  return (
    `Top endpoints ranked the ${format(endpointRoutesPerMethod)} route templates and ${format(endpointPathsPerMethod)} raw paths with the most 5xx for each of the ` +
    `${endpointMethods} busiest HTTP methods; ${format(shaped.uncounted)} request lines beyond that, some of them possibly 5xx, were not ranked, so an endpoint ` +
    `whose failing lines were all among them may be missing from the list. The numbers of the endpoints listed are exact: they were counted again. ` +
    `Filter by service or narrow the range to rank every path, or log the route template (http.route) so endpoints are grouped by the engine.`
  );
}
