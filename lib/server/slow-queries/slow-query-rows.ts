import "server-only";
import type { SlowQueryRow } from "@/lib/schemas/slow-queries";
import type { CombinedFingerprint } from "./combine-sources";
import type { FingerprintStats } from "./fingerprint-stats";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A combined fingerprint and its phase 2 numbers as one panel row (services by how often they issued it). */
export function toSlowQueryRow(row: CombinedFingerprint, stats: FingerprintStats | undefined): SlowQueryRow {
  const { group } = row;
  return {
    fingerprint: group.fingerprint,
    statement: group.normalized,
    parsed: group.parsed,
    count: group.count,
    totalMs: group.totalMs,
    meanMs: group.count > 0 ? group.totalMs / group.count : 0,
    p50Ms: stats?.p50Ms ?? null,
    p95Ms: stats?.p95Ms ?? null,
    p99Ms: stats?.p99Ms ?? null,
    maxMs: group.maxMs,
    services: Object.entries(group.services).sort((a, b) => b[1] - a[1]).map(([service]) => service),
    source: row.source.name,
    alsoIn: row.alsoIn,
    firstSeen: iso(group.firstSeen),
    lastSeen: iso(group.lastSeen),
    trend: stats?.trend.map((bucket) => bucket.count) ?? [],
  };
}
