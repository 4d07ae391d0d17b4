import "server-only";
import type { FingerprintGroup } from "@/lib/sql/group-slow-statements";
import type { ReadSource } from "../logs/log-context";
import type { SourceSlowStatements } from "./read-slow-statements";

/** A fingerprint across sources: numbers from the source that logged most of its runs. */
export interface CombinedFingerprint {
  group: FingerprintGroup;
  source: ReadSource;
  alsoIn: string[];
}

/**
 * One row per fingerprint over every source. The same run is often logged twice (by the app with
 * db.statement and by PostgreSQL itself), so sources are not added up: the one that saw most runs
 * speaks, and the others are named.
 */
export function combineSources(results: readonly SourceSlowStatements[]): CombinedFingerprint[] {
  const byFingerprint = new Map<string, CombinedFingerprint>();
  for (const result of results) {
    for (const group of result.groups) {
      const seen = byFingerprint.get(group.fingerprint);
      if (!seen) byFingerprint.set(group.fingerprint, { group, source: result.source, alsoIn: [] });
      else if (group.count > seen.group.count) byFingerprint.set(group.fingerprint, { group, source: result.source, alsoIn: [...seen.alsoIn, seen.source.name] });
      else seen.alsoIn.push(result.source.name);
    }
  }
  return [...byFingerprint.values()].sort((a, b) => b.group.totalMs - a.group.totalMs || b.group.count - a.group.count);
}
