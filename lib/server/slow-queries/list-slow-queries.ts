import "server-only";
import type { SlowQueriesParams, SlowQueriesResponse, SlowQueryRow } from "@/lib/schemas/slow-queries";
import { loadSqlParser } from "@/lib/sql/fingerprint";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import { resolveViewRange, type LogContext } from "../logs/log-context";
import { searchEachSource } from "../logs/search-sources";
import { combineSources } from "./combine-sources";
import { readFingerprintStats } from "./fingerprint-stats";
import { phase1Notices, PHASE1_SEARCHES, phase1Searches, readPhase1, type SlowStatementQuery } from "./read-slow-statements";
import { toSlowQueryRow } from "./slow-query-rows";
import { DEFAULT_SLOW_QUERY_THRESHOLD_MS } from "./threshold";

/** Rows the panel shows; phase 2 reads percentiles for the first PHASE2_ROWS by total time, so sorting by p95 ranks those. */
export const PANEL_ROWS = 50;
export const PHASE2_ROWS = 100;

/**
 * The slow-query panel in two engine round trips: phase 1 counts the distinct slow statements
 * per source (one _msearch), our code fingerprints and adds them up; phase 2 asks for each listed
 * fingerprint's percentiles and trend (one more _msearch).
 */
export async function listSlowQueries(params: SlowQueriesParams, context: LogContext): Promise<SlowQueriesResponse> {
  const { from, to } = resolveViewRange(params, context);
  const thresholdMs = params.threshold ?? context.slowQueryThresholdMs ?? DEFAULT_SLOW_QUERY_THRESHOLD_MS;
  const interval = chooseBucketInterval(to.getTime() - from.getTime());
  const query: SlowStatementQuery = { from, to, thresholdMs, services: params.service };
  const [answers] = await Promise.all([searchEachSource(context, PHASE1_SEARCHES, (source) => phase1Searches(source, query)), loadSqlParser()]);
  const perSource = answers.bySource.map(({ source, results }) => readPhase1(source, query, results));
  const combined = combineSources(perSource);
  const candidates = combined.slice(0, PHASE2_ROWS);
  const { stats, roundTrips } = await readFingerprintStats(candidates, query, interval, context);

  const rows = candidates.map((row, i) => toSlowQueryRow(row, stats[i]));
  const sorted = sortRows(rows, params.sort).slice(0, PANEL_ROWS);
  const notices = [...context.notices, ...answers.notices, ...phase1Notices(perSource)];
  if (combined.length > PHASE2_ROWS && params.sort === "p95") notices.push(`Sorted by p95 among the ${PHASE2_ROWS} fingerprints with the most total time (of ${combined.length}).`);
  const partial = candidates.filter((row, i) => !row.group.runs && stats[i] && stats[i].matched > 0 && stats[i].matched < row.group.count);
  if (partial.length > 0) notices.push(`Percentiles of ${partial.length} fingerprint${partial.length === 1 ? "" : "s"} cover fewer lines than counted: statements whose text was redacted cannot be searched again.`);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    thresholdMs,
    sort: params.sort,
    intervalMs: interval.ms,
    rows: sorted,
    slowLines: perSource.reduce((sum, source) => sum + source.slowLines, 0),
    fingerprints: combined.length,
    roundTrips: (context.sources.length > 0 ? 1 : 0) + roundTrips,
    notices,
  };
}

function sortRows(rows: SlowQueryRow[], sort: SlowQueriesParams["sort"]): SlowQueryRow[] {
  const key = (row: SlowQueryRow) => (sort === "count" ? row.count : sort === "p95" ? (row.p95Ms ?? -1) : row.totalMs);
  return [...rows].sort((a, b) => key(b) - key(a) || b.totalMs - a.totalMs);
}
