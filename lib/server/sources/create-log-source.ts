import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import type { LogSource, LogSourceInput } from "@/lib/schemas/log-source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { invalidateViewCache } from "../logs/view-cache";
import { toLogSource, toRowData } from "./source-rows";
import { assertSourceFits, auditedSource, beginSourceWrite } from "./source-writes";

/** Adds a source; its name and (when enabled) its pattern must not collide with another's. */
export async function createLogSource(input: LogSourceInput, actor: Actor, ip?: string): Promise<LogSource> {
  const saved = await getDb().$transaction(async (tx) => {
    const { sources: existing } = await beginSourceWrite(tx, actor.email);
    assertSourceFits(input, existing);
    const row = await tx.logSource.create({ data: { ...toRowData(input), updatedBy: actor.email } });
    await recordAuditEvent({ actor, action: "source.created", targetType: "log_source", targetId: row.id, details: { version: row.version, after: auditedSource(input) }, ip }, tx);
    return toLogSource(row)!;
  });
  // Views cached under the old settings go at once here; other instances see the new version in their keys.
  invalidateViewCache();
  return saved;
}
