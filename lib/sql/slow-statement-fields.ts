import type { FieldMapping } from "@/lib/schemas/field-mapping";

const PER_MS = { ns: 1e6, us: 1e3, ms: 1, s: 1e-3 } as const;

/** Where a source keeps its slow statements, and how to turn its durations into milliseconds. */
export interface SlowStatementFields {
  format: FieldMapping["statementFormat"];
  statement: string;
  /** The keyword sub-field terms aggregations group on (text with keyword, as ECS and dynamic mappings have it). */
  keyword: string;
  duration: string;
  /** Duration units per millisecond: 1e6 for ECS nanoseconds. */
  perMs: number;
}

export function slowStatementFields(mapping: FieldMapping): SlowStatementFields {
  const unit = mapping.statementDuration ? (mapping.statementDurationUnit ?? mapping.durationUnit) : mapping.durationUnit;
  const statement = mapping.statementFormat === "server-log" ? mapping.message : mapping.sqlStatement;
  return {
    format: mapping.statementFormat,
    statement,
    keyword: statement.endsWith(".keyword") ? statement : `${statement}.keyword`,
    duration: mapping.statementDuration ?? mapping.duration,
    perMs: PER_MS[unit],
  };
}
