import type { ConceptReport } from "@/lib/schemas/field-mapping-proposal";
import type { FieldMapping } from "@/lib/schemas/field-mapping";

/** Lines as `log_min_duration_statement` writes them: "duration: 12.3 ms  statement: …" or "… ms  execute <unnamed>: …". */
export function buildServerLogProbe(messageField: string): Record<string, unknown> {
  const phrase = (text: string) => ({ match_phrase: { [messageField]: text } });
  return { size: 0, track_total_hits: 1, query: { bool: { filter: [phrase("duration")], should: [phrase("ms statement"), phrase("ms execute")], minimum_should_match: 1 } } };
}

/**
 * With no statement field in the index but PostgreSQL's own duration lines in the message, slow SQL
 * is read from the message ("server-log"); the proposal's SQL concept says so.
 */
export function proposeServerLogStatements(mapping: FieldMapping, concepts: ConceptReport[], serverLines: boolean): void {
  const report = concepts.find((concept) => concept.concept === "sqlStatement");
  if (!report || report.found || !serverLines) return;
  mapping.statementFormat = "server-log";
  mapping.sqlStatement = mapping.message;
  Object.assign(report, { found: true, fields: [mapping.message], type: "text", note: `PostgreSQL server lines in ${mapping.message} (duration: … ms  statement: …): slow SQL is parsed from the message` });
}
