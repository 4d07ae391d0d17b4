import "server-only";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { redactDocument, type RedactionRule } from "@/lib/logs/redact";
import { shapeLogLine } from "@/lib/logs/shape-log-line";
import type { LogLine } from "@/lib/schemas/log-search";
import type { SearchHit } from "../log-store/types";

/** Engine hits as the table's lines; every line is redacted here, before it can reach a browser. */
export function toLogLines(hits: SearchHit[], mapping: FieldMapping, rules: readonly RedactionRule[], sourceName?: string): { lines: LogLine[]; redactions: number } {
  let redactions = 0;
  const lines = hits.map((hit) => {
    const { value, redactedCount } = redactDocument(hit._source, rules);
    redactions += redactedCount;
    const line = shapeLogLine(hit, value, mapping);
    return sourceName === undefined ? line : { ...line, sourceName };
  });
  return { lines, redactions };
}
