import "server-only";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { shapeLogLine } from "@/lib/logs/shape-log-line";
import type { LogLine } from "@/lib/schemas/log-search";
import type { RedactedSearchHit } from "./redacting-log-store";

/** Engine hits as the table's lines. Only redacted hits (from a LogContext's store) are accepted. */
export function toLogLines(hits: RedactedSearchHit[], mapping: FieldMapping, sourceName?: string): { lines: LogLine[]; redactions: number } {
  let redactions = 0;
  const lines = hits.map((hit) => {
    redactions += hit.redactions;
    const line = shapeLogLine(hit, hit._source, mapping);
    return sourceName === undefined ? line : { ...line, sourceName };
  });
  return { lines, redactions };
}
