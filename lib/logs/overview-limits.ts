/**
 * Every terms aggregation of the overview has a fixed size, so no request can make the engine
 * build an unbounded number of buckets. Each search stays under the engines' default
 * search.max_buckets (65,536 on Elasticsearch, 65,535 on OpenSearch); the worst cases are noted.
 */
export const OVERVIEW_LIMITS = {
  /** Services charted; with at most 240 time buckets x 4 status classes: 20 x 1,204 = 24,080 buckets. */
  services: 20,
  /**
   * Distinct raw url.path values read per HTTP method for top endpoints, before grouping them by
   * route template in code. Paths with 5xx come first, so 5xx counts stay exact while the failing
   * paths fit; requests on the least-requested non-failing paths beyond the limit are left out,
   * with a notice. 6 methods x 5,000 paths x (1 + a 5xx filter) = 60,000 buckets at most.
   */
  endpointMethods: 6,
  endpointPathsPerMethod: 5_000,
  /** (failing path, service) pairs read to name each failing endpoint's services. */
  failingPathServices: 10_000,
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
