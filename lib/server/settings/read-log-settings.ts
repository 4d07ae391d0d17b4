import "server-only";
import { LOG_SETTINGS_KEY, logSettingsSchema, type LogSettingsResponse } from "@/lib/schemas/log-settings";
import { getDb } from "../db";
import { defaultLogSettings } from "./get-log-settings";

/** The settings form's view: stored values with their version (0 = never saved, defaults shown). */
export async function readLogSettings(): Promise<LogSettingsResponse> {
  const row = await getDb().appSetting.findUnique({ where: { key: LOG_SETTINGS_KEY } });
  const parsed = row ? logSettingsSchema.safeParse(row.value) : null;
  const settings = parsed?.success ? parsed.data : defaultLogSettings();
  return { ...settings, version: row?.version ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null, updatedBy: row?.updatedBy ?? null };
}
