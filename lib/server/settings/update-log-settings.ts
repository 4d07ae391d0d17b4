import "server-only";
import { LOG_SETTINGS_KEY, type LogSettingsResponse, type UpdateLogSettingsInput } from "@/lib/schemas/log-settings";
import type { Actor } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ApiError } from "../errors";

const STALE = "Someone saved these settings after you opened them. Reload to see their change, then edit again.";

/** Saves the index pattern and field mapping, refusing an edit made against a stale version. */
export async function updateLogSettings(input: UpdateLogSettingsInput, actor: Actor, ip?: string): Promise<LogSettingsResponse> {
  const { version, ...value } = input;
  return getDb().$transaction(async (tx) => {
    let saved;
    if (version === 0) {
      const exists = await tx.appSetting.findUnique({ where: { key: LOG_SETTINGS_KEY }, select: { key: true } });
      if (exists) throw new ApiError(409, "conflict", STALE);
      saved = await tx.appSetting.create({ data: { key: LOG_SETTINGS_KEY, value, version: 1, updatedBy: actor.email } });
    } else {
      const { count } = await tx.appSetting.updateMany({ where: { key: LOG_SETTINGS_KEY, version }, data: { value, version: { increment: 1 }, updatedBy: actor.email } });
      if (count === 0) throw new ApiError(409, "conflict", STALE);
      saved = await tx.appSetting.findUniqueOrThrow({ where: { key: LOG_SETTINGS_KEY } });
    }
    await recordAuditEvent({ actor, action: "settings.logs_updated", targetType: "setting", targetId: LOG_SETTINGS_KEY, details: { version: saved.version, indexPattern: value.indexPattern }, ip }, tx);
    return { ...value, version: saved.version, updatedAt: saved.updatedAt.toISOString(), updatedBy: saved.updatedBy };
  });
}
