import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { invalidateViewCache } from "../logs/view-cache";
import { ApiError, notFound } from "../errors";
import { auditedSource, beginSourceWrite, STALE_SOURCE } from "./source-writes";

/** Deletes a source (against the version the admin saw). The last one stays: views need something to read; disable it instead. */
export async function deleteLogSource(id: string, version: number, actor: Actor, ip?: string): Promise<{ deleted: true }> {
  const saved = await getDb().$transaction(async (tx) => {
    const { sources: existing } = await beginSourceWrite(tx, actor.email);
    const source = existing.find((candidate) => candidate.id === id);
    if (!source) throw notFound("This source no longer exists: it was deleted already.");
    if (existing.length === 1) throw new ApiError(409, "conflict", `${source.name} is the only source; disable it instead of deleting it, or add another first.`);
    const { count } = await tx.logSource.deleteMany({ where: { id, version } });
    if (count === 0) throw new ApiError(409, "conflict", STALE_SOURCE);
    await recordAuditEvent({ actor, action: "source.deleted", targetType: "log_source", targetId: id, details: { version, before: auditedSource(source) }, ip }, tx);
    return { deleted: true as const };
  });
  // Views cached under the old settings go at once here; other instances see the new version in their keys.
  invalidateViewCache();
  return saved;
}
