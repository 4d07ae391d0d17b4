import { readField, timeText } from "@/lib/requests/read-log-fields";
import type { LogLine } from "@/lib/schemas/log-search";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { levelName } from "./level-scheme";

const asText = (value: unknown): string | null => (value === undefined || value === null ? null : typeof value === "string" ? value : Array.isArray(value) ? asText(value[0]) : String(value));

/** A hit as the table reads it: epoch times as ISO, levels by name (pino's 50 as "error"); `source` must already be redacted. */
export function shapeLogLine(hit: { _id: string; _index: string }, source: Record<string, unknown>, mapping: FieldMapping): LogLine {
  return {
    id: hit._id,
    index: hit._index,
    timestamp: timeText(readField(source, mapping.timestamp)),
    service: asText(readField(source, mapping.service)),
    level: levelName(readField(source, mapping.level), mapping.levelScheme),
    message: asText(readField(source, mapping.message)),
    source,
  };
}
