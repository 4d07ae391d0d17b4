import "server-only";
import type { FieldMapping } from "@/lib/logs/field-mapping";
import { redactDocument } from "@/lib/logs/redact";
import { readField } from "@/lib/requests/read-log-fields";
import type { LogLine } from "@/lib/schemas/log-search";
import type { SearchHit } from "../log-store/types";
import { activeRedactionRules } from "./redaction-rules";

const asText = (value: unknown) => (value === undefined || value === null ? null : String(value));

/** Engine hits as the table's lines; every line is redacted here, before it can reach a browser. */
export function toLogLines(hits: SearchHit[], mapping: FieldMapping): { lines: LogLine[]; redactions: number } {
  const rules = activeRedactionRules();
  let redactions = 0;
  const lines = hits.map((hit) => {
    const { value, redactedCount } = redactDocument(hit._source, rules);
    redactions += redactedCount;
    return {
      id: hit._id,
      index: hit._index,
      timestamp: asText(readField(value, mapping.timestamp)),
      service: asText(readField(value, mapping.service)),
      level: asText(readField(value, mapping.level)),
      message: asText(readField(value, mapping.message)),
      source: value,
    };
  });
  return { lines, redactions };
}
