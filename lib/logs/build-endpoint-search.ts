import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { OVERVIEW_LIMITS } from "./overview-limits";
import { routeTemplatePattern } from "./route-template";

/** How the overview's endpoint searches split request lines: by the route template they carry, or by raw path. */
export const ENDPOINT_KINDS = ["routed", "unrouted"] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

const hasRoute = (mapping: FieldMapping) => ({ exists: { field: mapping.route } });
const kindFilter = (mapping: FieldMapping, kind: EndpointKind) => (kind === "routed" ? hasRoute(mapping) : { bool: { must_not: [hasRoute(mapping)] } });
/** The field a kind's lines are grouped by. */
export const endpointField = (mapping: FieldMapping, kind: EndpointKind) => (kind === "routed" ? mapping.route : mapping.path);
const serverErrors = (mapping: FieldMapping) => ({ range: { [mapping.status]: { gte: 500 } } });

function byMethodAndValue(mapping: FieldMapping, kind: EndpointKind) {
  const size = kind === "routed" ? OVERVIEW_LIMITS.endpointRoutesPerMethod : OVERVIEW_LIMITS.endpointPathsPerMethod;
  return {
    terms: { field: mapping.method, size: OVERVIEW_LIMITS.endpointMethods },
    aggs: {
      by_path: {
        terms: { field: endpointField(mapping, kind), size, order: [{ server_errors: "desc" }, { _key: "asc" }] },
        aggs: { server_errors: { filter: serverErrors(mapping) } },
      },
    },
  };
}

/**
 * Request lines per method and route template (lines that carry one: few buckets, counted by the
 * engine) or per raw path (the rest, templated in code by shapeTopEndpoints, since the engine
 * cannot without scripts). Method is the outer level on purpose: a terms sub-aggregation under
 * thousands of path buckets cost the engine ~5x more (3.1 s vs 0.66 s at 10 M lines). Ordering
 * by 5xx first keeps every failing path in while they fit; the key breaks ties so the cut is deterministic.
 */
export function buildEndpointSearch(input: { mapping: FieldMapping }, filter: unknown[]): Record<string, unknown> {
  const { mapping } = input;
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter } },
    aggs: Object.fromEntries(ENDPOINT_KINDS.map((kind) => [kind, { filter: kindFilter(mapping, kind), aggs: { by_method: byMethodAndValue(mapping, kind) } }])),
  };
}

/**
 * Which services answered each failing route or path: composites over the 5xx lines only, a small
 * set, in their own search so neither search nears the engines' bucket limit.
 */
export function buildFailingPathServicesSearch(input: { mapping: FieldMapping }, filter: unknown[]): Record<string, unknown> {
  const { mapping } = input;
  const size = (kind: EndpointKind) => (kind === "routed" ? OVERVIEW_LIMITS.failingRouteServices : OVERVIEW_LIMITS.failingPathServices);
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: [...filter, serverErrors(mapping)] } },
    aggs: Object.fromEntries(
      ENDPOINT_KINDS.map((kind) => [
        kind,
        {
          filter: kindFilter(mapping, kind),
          aggs: { failing: { composite: { size: size(kind), sources: [{ path: { terms: { field: endpointField(mapping, kind) } } }, { service: { terms: { field: mapping.service } } }] } } },
        },
      ]),
    ),
  };
}

/** One endpoint to count again: its method and the route templates its lines were read under (as the store answered them, redacted). */
export interface EndpointRecountTarget {
  method: string;
  templates: string[];
}

/**
 * Counts the given endpoints exactly, each as a `filters` bucket (keyed by position): its method and
 * every line whose route, or path where there is no route, has one of its templates (a `regexp`
 * query, no script). Sent only when the ranking search had to leave lines out.
 */
export function buildEndpointRecountSearch(input: { mapping: FieldMapping }, filter: unknown[], targets: EndpointRecountTarget[]): Record<string, unknown> {
  const { mapping } = input;
  const matching = (kind: EndpointKind, templates: string[]) => ({
    bool: { filter: [kindFilter(mapping, kind), { regexp: { [endpointField(mapping, kind)]: { value: templates.map(routeTemplatePattern).join("|") } } }] },
  });
  const endpointFilter = (target: EndpointRecountTarget) => ({
    bool: { filter: [{ term: { [mapping.method]: target.method } }], should: ENDPOINT_KINDS.map((kind) => matching(kind, target.templates)), minimum_should_match: 1 },
  });
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter } },
    aggs: {
      endpoints: {
        filters: { filters: Object.fromEntries(targets.map((target, index) => [String(index), endpointFilter(target)])) },
        aggs: { server_errors: { filter: serverErrors(mapping), aggs: { services: { terms: { field: mapping.service, size: OVERVIEW_LIMITS.servicesPerEndpoint } } } } },
      },
    },
  };
}
