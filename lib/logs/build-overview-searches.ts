import { STATUS_CLASS_RANGES, STATUS_CLASSES } from "@/lib/schemas/status-class";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { buildEndpointSearch, buildFailingPathServicesSearch } from "./build-endpoint-search";
import { levelClassClause, type LevelClass } from "./level-scheme";
import { OVERVIEW_LIMITS } from "./overview-limits";
import { timeRangeClause } from "./time-range-clause";
import { buildSlowStatementsSearch } from "@/lib/sql/build-slow-statement-searches";

/** Distinct slow statements the overview's card reads per source (the panel reads more). */
export const OVERVIEW_SLOW_STATEMENTS = 200;

export interface OverviewQueryInput {
  from: Date;
  to: Date;
  intervalLabel: string;
  services: string[];
  environments: string[];
  mapping: FieldMapping;
  /** Statements at or over this are slow (the card's threshold); absent: 500 ms. */
  slowThresholdMs?: number;
}

/**
 * The overview's time series: time first (over_time, then services), so each bucket is answered
 * by itself and a refresh asks only for the buckets a cache cannot answer (search-incremental.ts).
 */
export const OVERVIEW_SERIES = ["requests", "errorLines"] as const;
/** The overview's top lists (the slow-query card among them): counted over the whole window, not sums of buckets. */
export const OVERVIEW_TOP_LISTS = ["endpoints", "endpointServices", "topErrors", "facets", "slowStatements"] as const;
/** Every overview search; a full view sends them together as one _msearch. */
export const OVERVIEW_SEARCHES = [...OVERVIEW_SERIES, ...OVERVIEW_TOP_LISTS] as const;

export function buildOverviewSeries(input: OverviewQueryInput): Record<(typeof OVERVIEW_SERIES)[number], Record<string, unknown>> {
  return { requests: buildRequestSearch(input), errorLines: buildErrorLineSearch(input) };
}

export function buildOverviewTopLists(input: OverviewQueryInput): Record<(typeof OVERVIEW_TOP_LISTS)[number], Record<string, unknown>> {
  return {
    endpoints: buildEndpointSearch(input, overviewFilters(input, { requestsOnly: true })),
    endpointServices: buildFailingPathServicesSearch(input, overviewFilters(input, { requestsOnly: true })),
    topErrors: buildTopErrorSearch(input),
    facets: buildFacetSearch(input),
    slowStatements: buildSlowStatementCardSearch(input),
  };
}

export function buildOverviewSearches(input: OverviewQueryInput): Record<(typeof OVERVIEW_SEARCHES)[number], Record<string, unknown>> {
  return { ...buildOverviewSeries(input), ...buildOverviewTopLists(input) };
}

/** Range [from, to) plus the service and environment filters; `requestsOnly` keeps lines with a status. */
export function overviewFilters(input: OverviewQueryInput, options: { requestsOnly?: boolean; withFilters?: boolean } = {}): unknown[] {
  const { mapping } = input;
  const filter: unknown[] = [timeRangeClause(mapping.timestamp, input.from, input.to, "lt")];
  if (options.requestsOnly) filter.push({ exists: { field: mapping.status } });
  if (options.withFilters === false) return filter;
  if (input.services.length > 0) filter.push({ terms: { [mapping.service]: input.services } });
  if (input.environments.length > 0) filter.push({ terms: { [mapping.environment]: input.environments } });
  return filter;
}

/** Status classes as filters; 5xx is every status >= 500, the error rate's numerator. */
export function statusClassAgg(mapping: FieldMapping) {
  const filters = Object.fromEntries(STATUS_CLASSES.map((cls) => [cls, { range: { [mapping.status]: STATUS_CLASS_RANGES[cls] } }]));
  return { filters: { filters } };
}

function histogram(input: OverviewQueryInput) {
  return {
    field: input.mapping.timestamp,
    fixed_interval: input.intervalLabel,
    min_doc_count: 0,
    extended_bounds: { min: input.from.getTime(), max: input.to.getTime() - 1 },
  };
}

/** Each bucket's busiest services; pivotByService ranks them over the window. */
function overTimeByService(input: OverviewQueryInput, aggs: Record<string, unknown>) {
  return { over_time: { date_histogram: histogram(input), aggs: { by_service: { terms: { field: input.mapping.service, size: OVERVIEW_LIMITS.services, order: { _count: "desc" } }, aggs } } } };
}

/** Request lines per bucket per service by status class: the error-rate lines and the stacked bars. */
function buildRequestSearch(input: OverviewQueryInput): Record<string, unknown> {
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: overviewFilters(input, { requestsOnly: true }) } },
    aggs: overTimeByService(input, { status_class: statusClassAgg(input.mapping) }),
  };
}

/** Lines of a level class under the mapping's scheme (names in any case and vocabulary, pino or syslog numbers). */
function levelOf(mapping: FieldMapping, classes: LevelClass[]): Record<string, unknown> {
  // Every scheme has error and fatal levels, so the clause always exists.
  return levelClassClause(mapping.level, mapping.levelScheme, classes)!;
}

/** ERROR and FATAL lines per bucket per service. */
function buildErrorLineSearch(input: OverviewQueryInput): Record<string, unknown> {
  const { mapping } = input;
  const levels = { filters: { filters: { error: levelOf(mapping, ["error"]), fatal: levelOf(mapping, ["fatal"]) } } };
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: errorLineFilters(input) } },
    aggs: overTimeByService(input, { level: levels }),
  };
}

const errorLineFilters = (input: OverviewQueryInput) => [...overviewFilters(input), levelOf(input.mapping, ["error", "fatal"])];

/** The top error types and messages among ERROR and FATAL lines. */
function buildTopErrorSearch(input: OverviewQueryInput): Record<string, unknown> {
  const { mapping } = input;
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: errorLineFilters(input) } },
    aggs: {
      top_errors: {
        filter: { exists: { field: mapping.errorType } },
        aggs: {
          by_type: {
            terms: { field: mapping.errorType, size: OVERVIEW_LIMITS.errorTypes },
            aggs: {
              // Messages are text with a keyword sub-field in the ECS template (and in the engines' dynamic
              // mapping); a message longer than its ignore_above is counted under its type with no message.
              by_message: {
                terms: { field: `${mapping.errorMessage}.keyword`, size: OVERVIEW_LIMITS.messagesPerType },
                aggs: { services: { terms: { field: mapping.service, size: OVERVIEW_LIMITS.servicesPerMessage } } },
              },
              services: { terms: { field: mapping.service, size: OVERVIEW_LIMITS.servicesPerMessage } },
            },
          },
        },
      },
    },
  };
}

/** Filter choices over the range alone, so picking one service still lists the others. */
function buildFacetSearch(input: OverviewQueryInput): Record<string, unknown> {
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: overviewFilters(input, { withFilters: false }) } },
    aggs: {
      services: { terms: { field: input.mapping.service, size: OVERVIEW_LIMITS.facetServices } },
      environments: { terms: { field: input.mapping.environment, size: OVERVIEW_LIMITS.facetEnvironments } },
    },
  };
}

/** The slow-query card's phase 1 (count, sum, max per statement); PostgreSQL server-log sources are read on the panel only. */
function buildSlowStatementCardSearch(input: OverviewQueryInput): Record<string, unknown> {
  if (input.mapping.statementFormat === "server-log") return { size: 0, track_total_hits: false, query: { match_none: {} } };
  const slow = { from: input.from, to: input.to, thresholdMs: input.slowThresholdMs ?? 500, mapping: input.mapping, services: input.services, environments: input.environments };
  return { ...buildSlowStatementsSearch(slow, OVERVIEW_SLOW_STATEMENTS), track_total_hits: false };
}
