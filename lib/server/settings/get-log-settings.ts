import "server-only";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { LOG_SETTINGS_KEY, logSettingsSchema, type LogSettings } from "@/lib/schemas/log-settings";
import { getDb } from "../db";
import { getEnv } from "../env";
import { isDatabaseConnectionError } from "../errors";
import { logger } from "../logger";

export interface LogSettingsResult {
  settings: LogSettings;
  /** Set when the stored settings could not be read and defaults are in use. */
  notice?: string;
}

export function defaultLogSettings(): LogSettings {
  return { indexPattern: getEnv().LOGS_INDEX, mapping: ECS_FIELD_MAPPING };
}

/**
 * The index pattern and field mapping every log query uses. With Postgres down we fall back
 * to the defaults and say so, because an on-call engineer still needs the logs.
 */
export async function getLogSettings(): Promise<LogSettingsResult> {
  try {
    const row = await getDb().appSetting.findUnique({ where: { key: LOG_SETTINGS_KEY } });
    if (!row) return { settings: defaultLogSettings() };
    const parsed = logSettingsSchema.safeParse(row.value);
    if (parsed.success) return { settings: parsed.data };
    logger.warn({ issues: parsed.error.issues }, "stored log settings do not parse; using defaults");
    return { settings: defaultLogSettings(), notice: "Stored log settings are invalid; default field mapping in use." };
  } catch (error) {
    if (!isDatabaseConnectionError(error)) throw error;
    return { settings: defaultLogSettings(), notice: "Postgres is unreachable: showing logs with the default index pattern and field mapping." };
  }
}
