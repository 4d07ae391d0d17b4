import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import { DEFAULT_SOURCE_ID, type LogSource, type UpdateLogSourceInput } from "@/lib/schemas/log-source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { invalidateViewCache } from "../logs/view-cache";
import { ApiError, notFound } from "../errors";
import { toLogSource, toRowData } from "./source-rows";
import { assertSourceFits, auditedSource, beginSourceWrite, STALE_SOURCE } from "./source-writes";

/**
 * Saves an edit made against `version`; a stale version is refused with 409, never merged.
 * The id "default" (the LOGS_INDEX stand-in, version 0) names the row the first write creates.
 */
export async function updateLogSource(id: string, input: UpdateLogSourceInput, actor: Actor, ip?: string): Promise<LogSource> {
  const { version, ...value } = input;
  const saved = await getDb().$transaction(async (tx) => {
    const { sources: existing, materialized } = await beginSourceWrite(tx, actor.email);
    // An edit of the stand-in (version 0) is an edit of the row this write just created; if a row
    // existed already, someone saved the default meanwhile and this edit is stale.
    const editsStandIn = id === DEFAULT_SOURCE_ID;
    if (editsStandIn && (version !== 0 || !materialized)) throw new ApiError(409, "conflict", STALE_SOURCE);
    const before = editsStandIn ? existing[0] : existing.find((source) => source.id === id);
    if (!before) throw notFound("This source no longer exists: it was deleted. Reload the list.");
    const expected = editsStandIn ? before.version : version;
    assertSourceFits(value, existing.filter((source) => source.id !== before.id));
    const { count } = await tx.logSource.updateMany({ where: { id: before.id, version: expected }, data: { ...toRowData(value), version: { increment: 1 }, updatedBy: actor.email } });
    if (count === 0) throw new ApiError(409, "conflict", STALE_SOURCE);
    const row = await tx.logSource.findUniqueOrThrow({ where: { id: before.id } });
    await recordAuditEvent({ actor, action: "source.updated", targetType: "log_source", targetId: row.id, details: { version: row.version, before: auditedSource(before), after: auditedSource(value) }, ip }, tx);
    return toLogSource(row)!;
  });
  // Views cached under the old settings go at once here; other instances see the new version in their keys.
  invalidateViewCache();
  return saved;
}
