import "server-only";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import type { LogSource } from "@/lib/schemas/log-source";
import { DEFAULT_SOURCE_ID, DEFAULT_SOURCE_NAME, logSourceInputSchema } from "@/lib/schemas/log-source";
import type { LogSource as LogSourceRow } from "@/lib/generated/prisma/client";
import { getEnv } from "../env";
import { logger } from "../logger";

/** The source that stands in for LOGS_INDEX with the ECS mapping while no source is saved. */
export function defaultLogSource(): LogSource {
  return { id: DEFAULT_SOURCE_ID, name: DEFAULT_SOURCE_NAME, indexPattern: getEnv().LOGS_INDEX, mapping: ECS_FIELD_MAPPING, enabled: true, version: 0, updatedAt: null, updatedBy: null };
}

/**
 * A stored row as the app reads it. The mapping is parsed with today's schema, so fields added
 * since it was saved (a level scheme, say) take their defaults; a row that no longer parses is
 * reported and left out rather than breaking every view.
 */
export function toLogSource(row: LogSourceRow): LogSource | null {
  const parsed = logSourceInputSchema.safeParse({ name: row.name, indexPattern: row.indexPattern, mapping: row.mapping, defaultQueryFields: row.defaultQueryFields ?? undefined, enabled: row.enabled });
  if (!parsed.success) {
    logger.warn({ source: row.name, issues: parsed.error.issues }, "a stored log source does not parse; it is left out");
    return null;
  }
  return { ...parsed.data, id: row.id, version: row.version, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy };
}

/** What a stored row holds of an input (the Prisma data of create and update). */
export function toRowData(source: Pick<LogSource, "name" | "indexPattern" | "mapping" | "defaultQueryFields" | "enabled">) {
  return { name: source.name, indexPattern: source.indexPattern, mapping: source.mapping, defaultQueryFields: source.defaultQueryFields ?? undefined, enabled: source.enabled };
}
