import "server-only";
import { collectServerLogRuns, type ServerLogEntry, type ServerLogRun } from "@/lib/sql/postgres-log-line";
import { buildLongStatementsSearch, buildServerLogLinesSearch, buildSlowStatementsSearch, SLOW_STATEMENT_LIMITS, type SlowStatementInput } from "@/lib/sql/build-slow-statement-searches";
import { entriesFromBuckets, groupStatementEntries, type FingerprintGroup, type StatementEntry } from "@/lib/sql/group-slow-statements";
import { slowStatementFields } from "@/lib/sql/slow-statement-fields";
import { readField, timeText } from "@/lib/requests/read-log-fields";
import type { ReadSource } from "../logs/log-context";
import type { RedactedSearchResult } from "../logs/redacting-log-store";

export type SlowStatementQuery = Omit<SlowStatementInput, "mapping">;

/** One source's slow statements, fingerprinted and added up. */
export interface SourceSlowStatements {
  source: ReadSource;
  groups: FingerprintGroup[];
  slowLines: number;
  /** Slow lines of statements beyond the distinct statements read. */
  leftOutLines: number;
  /** Slow lines whose statement the keyword field did not index, and how many of them were read. */
  longLines: number;
  longRead: number;
  /** For server-log sources: candidate lines in range, and how many were read. */
  serverLines?: { total: number; read: number };
  /** Server-log runs by line id, for the fingerprint page's samples (with their DETAIL parameters). */
  serverRuns?: Map<string, ServerLogRun & { service: string | null }>;
}

export const PHASE1_SEARCHES = ["statements", "long"] as const;
const MATCH_NONE = { size: 0, track_total_hits: false, query: { match_none: {} } };

/** Phase 1 searches of one source; a server-log source reads lines instead (its second search is empty). */
export function phase1Searches(source: ReadSource, query: SlowStatementQuery, size = SLOW_STATEMENT_LIMITS.statements): Record<(typeof PHASE1_SEARCHES)[number], Record<string, unknown>> {
  const input = { ...query, mapping: source.mapping };
  if (source.mapping.statementFormat === "server-log") return { statements: buildServerLogLinesSearch(input), long: MATCH_NONE };
  return { statements: buildSlowStatementsSearch(input, size), long: buildLongStatementsSearch(input) };
}

/** Phase 1 answers of one source as fingerprint groups (the parser is loaded by the caller). */
export function readPhase1(source: ReadSource, query: SlowStatementQuery, answers: { statements: RedactedSearchResult; long: RedactedSearchResult }): SourceSlowStatements {
  const fields = slowStatementFields(source.mapping);
  if (fields.format === "server-log") return readServerLines(source, query, answers.statements);
  const aggs = answers.statements.aggregations ?? {};
  const terms = (aggs.statements ?? {}) as { buckets?: Record<string, unknown>[]; sum_other_doc_count?: number };
  const longLines = (aggs.unindexed as { doc_count?: number } | undefined)?.doc_count ?? 0;
  const entries = entriesFromBuckets(terms.buckets ?? [], fields.perMs);
  for (const hit of answers.long.hits) {
    const statement = readField(hit._source, fields.statement);
    const duration = Number(readField(hit._source, fields.duration));
    if (typeof statement !== "string" || !Number.isFinite(duration)) continue;
    const time = timeText(readField(hit._source, source.mapping.timestamp));
    const at = time ? Date.parse(time) : null;
    const service = readField(hit._source, source.mapping.service);
    entries.push({ statement, count: 1, totalMs: duration / fields.perMs, maxMs: duration / fields.perMs, firstSeen: at, lastSeen: at, services: typeof service === "string" ? { [service]: 1 } : {}, lineIds: [hit._id] });
  }
  return {
    source,
    groups: groupStatementEntries(entries),
    slowLines: answers.statements.total,
    leftOutLines: terms.sum_other_doc_count ?? 0,
    longLines,
    longRead: answers.long.hits.length,
  };
}

function readServerLines(source: ReadSource, query: SlowStatementQuery, answer: RedactedSearchResult): SourceSlowStatements {
  const { mapping } = source;
  const lines: (ServerLogEntry & { service: string | null })[] = answer.hits.flatMap((hit) => {
    const message = readField(hit._source, mapping.message);
    const time = timeText(readField(hit._source, mapping.timestamp));
    if (typeof message !== "string" || !time) return [];
    const service = readField(hit._source, mapping.service);
    return [{ id: hit._id, timestamp: Date.parse(time), message, service: typeof service === "string" ? service : null }];
  });
  const serviceOf = new Map(lines.map((line) => [line.id, line.service]));
  const runs = collectServerLogRuns(lines).filter((run) => run.durationMs >= query.thresholdMs);
  const entries: StatementEntry[] = runs.map((run) => {
    const service = serviceOf.get(run.id);
    return { statement: run.statement, count: 1, totalMs: run.durationMs, maxMs: run.durationMs, firstSeen: run.timestamp, lastSeen: run.timestamp, services: service ? { [service]: 1 } : {}, lineIds: [run.id], runs: [{ timestamp: run.timestamp, durationMs: run.durationMs }] };
  });
  const serverRuns = new Map(runs.map((run) => [run.id, { ...run, service: serviceOf.get(run.id) ?? null }]));
  return { source, groups: groupStatementEntries(entries), slowLines: runs.length, leftOutLines: 0, longLines: 0, longRead: 0, serverLines: { total: answer.total, read: answer.hits.length }, serverRuns };
}

/** What each source's phase 1 left out, in words. */
export function phase1Notices(results: readonly SourceSlowStatements[]): string[] {
  const notices: string[] = [];
  for (const result of results) {
    const name = result.source.name;
    if (result.leftOutLines > 0) notices.push(`${name}: ${result.leftOutLines} slow lines of less expensive statements beyond the ${SLOW_STATEMENT_LIMITS.statements} distinct statements read are left out.`);
    if (result.longLines > 0) {
      const unread = result.longLines - result.longRead;
      notices.push(`${name}: ${result.longLines} slow lines hold statements longer than the keyword field indexes; ${result.longRead} of them were read one by one and grouped${unread > 0 ? `, ${unread} (the fastest) are left out` : ""}.`);
    }
    if (result.serverLines && result.serverLines.total > result.serverLines.read) {
      notices.push(`${name}: PostgreSQL server lines are parsed here, not counted by the engine; the newest ${result.serverLines.read} of ${result.serverLines.total} lines in range were read.`);
    }
    const unparsed = result.groups.filter((group) => !group.parsed).length;
    if (unparsed > 0) notices.push(`${name}: ${unparsed} statement group${unparsed === 1 ? " was" : "s were"} rejected by PostgreSQL's parser and grouped by tokens instead (marked "not parsed").`);
  }
  return notices;
}
