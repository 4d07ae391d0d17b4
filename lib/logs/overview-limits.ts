/**
 * Every terms aggregation of the overview has a fixed size, so no request can make the engine
 * build an unbounded number of buckets. Each search stays under the engines' default
 * search.max_buckets (65,536 on Elasticsearch, 65,535 on OpenSearch); the worst cases are noted.
 */
export const OVERVIEW_LIMITS = {
  /** Services charted; with at most 240 time buckets x 4 status classes: 20 x 1,204 = 24,080 buckets. */
  services: 20,
  /**
   * Top endpoints, per HTTP method: route templates of lines that carry one (`http.route`), and raw
   * paths of lines that do not, grouped by template in code. Failing routes and paths come first.
   * A cut leaves lines out of the ranking only: the listed endpoints are counted again exactly
   * (buildEndpointRecountSearch). 6 methods x (200 + 5,000) x (1 + a 5xx filter) = 62,400 buckets.
   */
  endpointMethods: 6,
  endpointRoutesPerMethod: 200,
  endpointPathsPerMethod: 5_000,
  /** (failing route or path, service) pairs read to name each failing endpoint's services. */
  failingRouteServices: 2_000,
  failingPathServices: 10_000,
  /** Services named per endpoint when it is counted again. */
  servicesPerEndpoint: 20,
  /** Rows shown in the top endpoints table. */
  topEndpoints: 10,
  /** Error types, and distinct raw messages per type (grouped by normalised message in code): 20 x 200 x (1 + 5). */
  errorTypes: 20,
  messagesPerType: 200,
  servicesPerMessage: 5,
  topErrors: 10,
  /** Filter choices. */
  facetServices: 100,
  facetEnvironments: 50,
} as const;
