import type { LogSearchParams } from "@/lib/schemas/log-search";
import { STATUS_CLASS_RANGES } from "@/lib/schemas/status-class";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { levelFilter } from "./level-scheme";
import { timeRangeClause } from "./time-range-clause";


export interface LogSearchQueryInput {
  params: Pick<LogSearchParams, "q" | "service" | "environment" | "level" | "status" | "size" | "order">;
  from: Date;
  to: Date;
  mapping: FieldMapping;
  /** Fields a bare term searches (query_string `fields`); the engine's default (every field) when empty. */
  queryFields?: string[];
}

/** The filters shared by the table, the histogram and exports of one explorer view. */
export function buildLogFilters({ params, from, to, mapping, queryFields = [], upper = "lte" }: Omit<LogSearchQueryInput, "params"> & { params: Omit<LogSearchQueryInput["params"], "size" | "order">; upper?: "lt" | "lte" }): unknown[] {
  // The explorer's `to` is inclusive; incremental histogram spans are half-open so they tile exactly.
  const filter: unknown[] = [timeRangeClause(mapping.timestamp, from, to, upper)];
  if (params.service.length) filter.push({ terms: { [mapping.service]: params.service } });
  if (params.environment.length) filter.push({ terms: { [mapping.environment]: params.environment } });
  if (params.level.length) {
    // Under the mapping's level scheme: `error` finds ERROR and err, or pino's 50s. Callers refuse
    // levels the scheme does not know first (prepareLogView); here they match nothing.
    const level = levelFilter(mapping.level, mapping.levelScheme, params.level);
    filter.push(level.ok ? level.clause : { bool: { must_not: [{ match_all: {} }] } });
  }
  if (params.status.length) {
    filter.push({ bool: { should: params.status.map((cls) => ({ range: { [mapping.status]: STATUS_CLASS_RANGES[cls] } })), minimum_should_match: 1 } });
  }
  if (params.q.trim()) {
    // Lucene syntax as users know it from Kibana; leading wildcards off (they scan every term).
    const fields = queryFields.length ? { fields: queryFields } : {};
    filter.push({ query_string: { query: params.q, allow_leading_wildcard: false, lenient: true, default_operator: "AND", ...fields } });
  }
  return filter;
}
