import "server-only";
import { buildFingerprintStatsSearch, type SlowStatementInput } from "@/lib/sql/build-slow-statement-searches";
import { exactPercentile, type FingerprintGroup } from "@/lib/sql/group-slow-statements";
import { slowStatementFields } from "@/lib/sql/slow-statement-fields";
import type { LogContext } from "../logs/log-context";
import type { CombinedFingerprint } from "./combine-sources";
import type { SlowStatementQuery } from "./read-slow-statements";

export interface FingerprintStats {
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Runs per bucket, from `from`. */
  trend: { time: number; count: number }[];
  /** Lines phase 2 found; fewer than phase 1 counted when a statement's key was redacted. */
  matched: number;
}

/**
 * Phase 2: percentiles and trend of each fingerprint, one search per fingerprint (over its own
 * statements, in its own source) in ONE _msearch. Server-log groups were read line by line and
 * are computed here exactly, with no search.
 */
export async function readFingerprintStats(rows: readonly CombinedFingerprint[], query: SlowStatementQuery, interval: { ms: number; label: string }, context: LogContext): Promise<{ stats: FingerprintStats[]; roundTrips: number }> {
  const searched = rows.map((row, index) => ({ row, index })).filter(({ row }) => !row.group.runs);
  const requests = searched.map(({ row }) => {
    const input: SlowStatementInput = { ...query, mapping: row.source.mapping };
    return { index: row.source.indexPattern, body: buildFingerprintStatsSearch(input, { statements: row.group.statements, lineIds: row.group.lineIds }, interval.label) };
  });
  const answers = requests.length > 0 ? await context.store.msearch(requests, { signal: context.signal, settle: true }) : [];
  const stats: FingerprintStats[] = rows.map((row) => (row.group.runs ? statsFromRuns(row.group, query, interval.ms) : { p50Ms: null, p95Ms: null, p99Ms: null, trend: [], matched: 0 }));
  searched.forEach(({ row, index }, n) => {
    const answer = answers[n];
    if (!answer || answer.error) return;
    const perMs = slowStatementFields(row.source.mapping).perMs;
    const values = ((answer.aggregations?.percentiles as { values?: Record<string, number | null> } | undefined)?.values ?? {}) as Record<string, number | null>;
    const at = (p: string) => {
      const found = Object.entries(values).find(([key]) => Number(key) === Number(p))?.[1];
      return typeof found === "number" ? found / perMs : null;
    };
    const buckets = ((answer.aggregations?.over_time as { buckets?: { key: number; doc_count: number }[] } | undefined)?.buckets ?? []).map((b) => ({ time: b.key, count: b.doc_count }));
    stats[index] = { p50Ms: at("50"), p95Ms: at("95"), p99Ms: at("99"), trend: buckets, matched: answer.total };
  });
  return { stats, roundTrips: requests.length > 0 ? 1 : 0 };
}

function statsFromRuns(group: FingerprintGroup, query: SlowStatementQuery, intervalMs: number): FingerprintStats {
  const runs = group.runs ?? [];
  const sorted = runs.map((run) => run.durationMs).sort((a, b) => a - b);
  const start = query.from.getTime();
  const buckets = Math.max(1, Math.ceil((query.to.getTime() - start) / intervalMs));
  const counts = new Array<number>(buckets).fill(0);
  for (const run of runs) {
    const bucket = Math.floor((run.timestamp - start) / intervalMs);
    if (bucket >= 0 && bucket < buckets) counts[bucket]! += 1;
  }
  return { p50Ms: exactPercentile(sorted, 50), p95Ms: exactPercentile(sorted, 95), p99Ms: exactPercentile(sorted, 99), trend: counts.map((count, i) => ({ time: start + i * intervalMs, count })), matched: runs.length };
}
