import "server-only";
import { patternOverlap } from "@/lib/logs/pattern-overlap";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LogSource } from "@/lib/schemas/log-source";
import { ApiError, unprocessable } from "../errors";
import { defaultLogSource, toLogSource, toRowData } from "./source-rows";

export const STALE_SOURCE = "Someone saved this source after you opened it. Reload to see their change, then edit again.";

/**
 * Source writes run one at a time (a transaction-scoped advisory lock), so two admins cannot
 * both pass the overlap check with patterns that overlap each other. While no source is saved,
 * the LOGS_INDEX default is written first, so adding a second source never drops the first.
 */
export async function beginSourceWrite(tx: Prisma.TransactionClient, actorEmail: string): Promise<{ sources: LogSource[]; materialized: boolean }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('triage.log_sources'))`;
  const rows = await tx.logSource.findMany({ orderBy: { createdAt: "asc" } });
  if (rows.length > 0) return { sources: rows.map(toLogSource).filter((source): source is LogSource => source !== null), materialized: false };
  const created = await tx.logSource.create({ data: { ...toRowData(defaultLogSource()), updatedBy: actorEmail } });
  return { sources: [toLogSource(created)!], materialized: true };
}

/** Refuses a name taken by another source, and an enabled pattern that can match an index another enabled source reads. */
export function assertSourceFits(candidate: Pick<LogSource, "name" | "indexPattern" | "enabled">, others: LogSource[]): void {
  const sameName = others.find((other) => other.name === candidate.name);
  if (sameName) throw new ApiError(409, "conflict", `A source named ${candidate.name} exists already.`, { name: "this name is taken" });
  if (!candidate.enabled) return;
  for (const other of others.filter((source) => source.enabled)) {
    const both = patternOverlap(candidate.indexPattern, other.indexPattern);
    if (both !== null) {
      const message = `${candidate.indexPattern} overlaps source ${other.name} (${other.indexPattern}): an index such as ${both || "(empty name)"} would be read twice and its lines counted twice. Narrow one of the patterns, or disable ${other.name}.`;
      throw unprocessable(message, { indexPattern: message });
    }
  }
}

/** What the audit log keeps of a source: enough to see what changed, without the whole mapping. */
export function auditedSource(source: Pick<LogSource, "name" | "indexPattern" | "enabled" | "mapping">) {
  return { name: source.name, indexPattern: source.indexPattern, enabled: source.enabled, mapping: source.mapping };
}
