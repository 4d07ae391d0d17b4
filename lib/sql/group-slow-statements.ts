import { fingerprintStatement, type StatementFingerprint } from "./fingerprint";

/** One distinct statement's slow lines in one source, as phase 1 counted them (or as read, for long or server lines). */
export interface StatementEntry {
  statement: string;
  count: number;
  totalMs: number;
  maxMs: number;
  firstSeen: number | null;
  lastSeen: number | null;
  services: Record<string, number>;
  /** How phase 2 finds these lines again: the keyword value, or the ids of lines read one by one. */
  keyword?: string;
  lineIds?: string[];
  /** Lines read one by one (server lines): percentiles and trend are computed from them, exactly. */
  runs?: StatementRun[];
}

export interface StatementRun {
  timestamp: number;
  durationMs: number;
}

export interface FingerprintGroup {
  fingerprint: string;
  normalized: string;
  parsed: boolean;
  count: number;
  totalMs: number;
  maxMs: number;
  firstSeen: number | null;
  lastSeen: number | null;
  services: Record<string, number>;
  /** Keyword values and line ids of its lines, for phase 2 searches. */
  statements: string[];
  lineIds: string[];
  /** Set when every line was read one by one. */
  runs?: StatementRun[];
  /** One statement as logged (the most frequent), for EXPLAIN and display. */
  example: string;
}

type Fingerprinter = (statement: string) => StatementFingerprint;

/** Phase 1 terms buckets (with `total`, `longest`, `first_seen`, `last_seen`, `services`) as entries, durations converted to ms. */
export function entriesFromBuckets(buckets: readonly Record<string, unknown>[], perMs: number): StatementEntry[] {
  const value = (bucket: Record<string, unknown>, name: string) => ((bucket[name] as { value?: number | null } | undefined)?.value ?? null);
  return buckets.map((bucket) => {
    const services = ((bucket.services as { buckets?: { key: unknown; doc_count: number }[] } | undefined)?.buckets ?? []).map((b) => [String(b.key), b.doc_count] as const);
    return {
      statement: String(bucket.key),
      keyword: String(bucket.key),
      count: Number(bucket.doc_count ?? 0),
      totalMs: (value(bucket, "total") ?? 0) / perMs,
      maxMs: (value(bucket, "longest") ?? 0) / perMs,
      firstSeen: value(bucket, "first_seen"),
      lastSeen: value(bucket, "last_seen"),
      services: Object.fromEntries(services),
    };
  });
}

/**
 * Adds up statements by fingerprint: literals, comments, spacing and sqlcommenter tags vanish, so
 * `WHERE user_id = 1` and `= 2` are one group. Sorted by total time, largest first.
 */
export function groupStatementEntries(entries: readonly StatementEntry[], fingerprint: Fingerprinter = fingerprintStatement): FingerprintGroup[] {
  const groups = new Map<string, FingerprintGroup & { exampleCount: number }>();
  for (const entry of entries) {
    const print = fingerprint(entry.statement);
    let group = groups.get(print.fingerprint);
    if (!group) {
      group = { fingerprint: print.fingerprint, normalized: print.normalized, parsed: print.parsed, count: 0, totalMs: 0, maxMs: 0, firstSeen: null, lastSeen: null, services: {}, statements: [], lineIds: [], example: entry.statement, exampleCount: 0 };
      groups.set(print.fingerprint, group);
    }
    group.count += entry.count;
    group.totalMs += entry.totalMs;
    group.maxMs = Math.max(group.maxMs, entry.maxMs);
    group.firstSeen = minOf(group.firstSeen, entry.firstSeen);
    group.lastSeen = maxOf(group.lastSeen, entry.lastSeen);
    for (const [service, count] of Object.entries(entry.services)) group.services[service] = (group.services[service] ?? 0) + count;
    if (entry.keyword !== undefined) group.statements.push(entry.keyword);
    if (entry.lineIds) group.lineIds.push(...entry.lineIds);
    if (entry.runs) group.runs = [...(group.runs ?? []), ...entry.runs];
    if (entry.count > group.exampleCount) {
      group.example = entry.statement;
      group.exampleCount = entry.count;
    }
  }
  return [...groups.values()].map(({ exampleCount: _, ...group }) => group).sort((a, b) => b.totalMs - a.totalMs || b.count - a.count);
}

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Exact percentile (nearest rank) of durations read one by one. */
export function exactPercentile(sortedMs: readonly number[], percent: number): number | null {
  if (sortedMs.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * sortedMs.length));
  return sortedMs[rank - 1]!;
}

/**
 * "Slow statements per fingerprint" from one `buildSlowStatementsSearch` answer's aggregations:
 * what an alert rule's slow_statements measure needs. `perMs` comes from slowStatementFields(mapping);
 * call `loadSqlParser()` once before.
 */
export function groupSlowStatementsAnswer(aggregations: Record<string, unknown> | undefined, perMs: number): FingerprintGroup[] {
  const buckets = (aggregations?.statements as { buckets?: Record<string, unknown>[] } | undefined)?.buckets ?? [];
  return groupStatementEntries(entriesFromBuckets(buckets, perMs));
}
