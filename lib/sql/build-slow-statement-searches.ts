import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { timeRangeClause } from "@/lib/logs/time-range-clause";
import { slowStatementFields } from "./slow-statement-fields";

/**
 * The engine searches behind the slow-query panel, its fingerprint page and the overview card.
 * Phase 1 ("statements") asks for the distinct slow statements with count, sum, max and first/last
 * seen: mergeable numbers our code adds up per fingerprint. Phase 2 ("fingerprint stats") asks,
 * per fingerprint, for what does not add up (percentiles) over exactly its statements.
 */
export interface SlowStatementInput {
  from: Date;
  to: Date;
  thresholdMs: number;
  mapping: FieldMapping;
  services?: readonly string[];
  environments?: readonly string[];
}

export const SLOW_STATEMENT_LIMITS = {
  /** Distinct statements read per source in phase 1; the lines of the rest are counted as left out. */
  statements: 1_000,
  /** Statements longer than their keyword field's limit are read as lines, at most this many per source. */
  longStatements: 200,
  /** Services kept per statement. */
  services: 10,
  /** PostgreSQL server lines read and parsed per source, newest first. */
  serverLogLines: 10_000,
};

/** Lines of the range (and service/environment filters) with a statement at or over the threshold. */
export function slowStatementFilters(input: SlowStatementInput): unknown[] {
  const { mapping } = input;
  const fields = slowStatementFields(mapping);
  const filter: unknown[] = [timeRangeClause(mapping.timestamp, input.from, input.to, "lt"), { exists: { field: fields.statement } }, { range: { [fields.duration]: { gte: input.thresholdMs * fields.perMs } } }];
  if (input.services?.length) filter.push({ terms: { [mapping.service]: [...input.services] } });
  if (input.environments?.length) filter.push({ terms: { [mapping.environment]: [...input.environments] } });
  return filter;
}

function statementMetrics(mapping: FieldMapping) {
  const fields = slowStatementFields(mapping);
  return {
    total: { sum: { field: fields.duration } },
    longest: { max: { field: fields.duration } },
    first_seen: { min: { field: mapping.timestamp } },
    last_seen: { max: { field: mapping.timestamp } },
    services: { terms: { field: mapping.service, size: SLOW_STATEMENT_LIMITS.services } },
  };
}

/**
 * Phase 1: slow lines per distinct statement, with count (doc_count), sum and max of duration.
 * Reusable as "slow statements per fingerprint" (alerts): fingerprint each bucket key with
 * lib/sql/fingerprint.ts and add the buckets up with `groupStatementBuckets`.
 */
export function buildSlowStatementsSearch(input: SlowStatementInput, size = SLOW_STATEMENT_LIMITS.statements): Record<string, unknown> {
  const fields = slowStatementFields(input.mapping);
  return {
    size: 0,
    track_total_hits: true,
    query: { bool: { filter: slowStatementFilters(input) } },
    aggs: {
      statements: { terms: { field: fields.keyword, size, order: { total: "desc" } }, aggs: statementMetrics(input.mapping) },
      // Lines whose statement the keyword field did not index (longer than its ignore_above).
      unindexed: { missing: { field: fields.keyword } },
    },
  };
}

/** The slow lines whose statement is too long for the keyword field, read (bounded) so our code can fingerprint them. */
export function buildLongStatementsSearch(input: SlowStatementInput, size = SLOW_STATEMENT_LIMITS.longStatements): Record<string, unknown> {
  const { mapping } = input;
  const fields = slowStatementFields(mapping);
  return {
    size,
    track_total_hits: false,
    query: { bool: { filter: slowStatementFilters(input), must_not: [{ exists: { field: fields.keyword } }] } },
    sort: [{ [fields.duration]: { order: "desc" } }],
    _source: [fields.statement, fields.duration, mapping.timestamp, mapping.service],
  };
}

/** Which lines a fingerprint holds in one source: its statements (keyword values) and its long lines (ids). */
export interface FingerprintMembers {
  statements: readonly string[];
  lineIds: readonly string[];
}

export function fingerprintClause(mapping: FieldMapping, members: FingerprintMembers): Record<string, unknown> {
  const fields = slowStatementFields(mapping);
  const should: unknown[] = [];
  if (members.statements.length > 0) should.push({ terms: { [fields.keyword]: [...members.statements] } });
  if (members.lineIds.length > 0) should.push({ ids: { values: [...members.lineIds] } });
  return { bool: { should, minimum_should_match: 1 } };
}

/** Phase 2: a fingerprint's percentiles and trend over exactly its statements. */
export function buildFingerprintStatsSearch(input: SlowStatementInput, members: FingerprintMembers, intervalLabel: string): Record<string, unknown> {
  const fields = slowStatementFields(input.mapping);
  return {
    size: 0,
    track_total_hits: true,
    query: { bool: { filter: [...slowStatementFilters(input), fingerprintClause(input.mapping, members)] } },
    aggs: {
      percentiles: { percentiles: { field: fields.duration, percents: [50, 95, 99] } },
      over_time: {
        date_histogram: { field: input.mapping.timestamp, fixed_interval: intervalLabel, min_doc_count: 0, extended_bounds: { min: input.from.getTime(), max: input.to.getTime() - 1 } },
      },
    },
  };
}

/** The fingerprint page's samples: its slowest runs, with what links them to their request. */
export function buildFingerprintSamplesSearch(input: SlowStatementInput, members: FingerprintMembers, size: number): Record<string, unknown> {
  const { mapping } = input;
  const fields = slowStatementFields(mapping);
  return {
    size,
    track_total_hits: false,
    query: { bool: { filter: [...slowStatementFilters(input), fingerprintClause(mapping, members)] } },
    sort: [{ [fields.duration]: { order: "desc" } }],
    _source: [fields.statement, fields.duration, mapping.timestamp, mapping.service, ...mapping.correlationIds],
  };
}

/**
 * PostgreSQL's own lines (statementFormat "server-log") carry the duration inside the message, which
 * the engine cannot range-filter or sum without scripts: the newest lines that can be slow-statement,
 * plan or parameter lines are read (bounded) and parsed by lib/sql/postgres-log-line.ts.
 */
export function buildServerLogLinesSearch(input: Omit<SlowStatementInput, "thresholdMs">, size = SLOW_STATEMENT_LIMITS.serverLogLines): Record<string, unknown> {
  const { mapping } = input;
  const filter: unknown[] = [timeRangeClause(mapping.timestamp, input.from, input.to, "lt")];
  if (input.services?.length) filter.push({ terms: { [mapping.service]: [...input.services] } });
  if (input.environments?.length) filter.push({ terms: { [mapping.environment]: [...input.environments] } });
  const phrase = (text: string) => ({ match_phrase: { [mapping.message]: text } });
  return {
    size,
    track_total_hits: true,
    query: { bool: { filter, should: [phrase("duration"), phrase("parameters")], minimum_should_match: 1 } },
    sort: [{ [mapping.timestamp]: { order: "desc" } }],
    _source: [mapping.message, mapping.timestamp, mapping.service, ...mapping.correlationIds],
  };
}
