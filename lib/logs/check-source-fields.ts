import type { FieldCatalog } from "./field-catalog";
import type { FieldMapping } from "@/lib/schemas/field-mapping";

/** The concepts a source's views cannot do without; the rest (errors, SQL, spans) are often absent from a source. */
const ESSENTIAL: readonly (keyof FieldMapping)[] = ["timestamp", "service", "level", "message"];

export interface SourceFieldProblems {
  indexCount: number;
  /** Mapped fields the pattern's indices do not have, essential ones first. */
  missing: string[];
  problems: string[];
}

/**
 * What is wrong with a source as its indices stand: a pattern that matches nothing, or a mapping
 * naming fields the indices lack (a `.keyword` sub-field counts as its parent's). Shown in
 * Settings, so an admin sees the cause before a view comes back empty.
 */
export function checkSourceFields(catalog: FieldCatalog, mapping: FieldMapping, indexPattern: string): SourceFieldProblems {
  if (catalog.indices.length === 0) return { indexCount: 0, missing: [], problems: [`${indexPattern} matches no index: check the pattern, or whether logs are being shipped yet.`] };
  const has = (field: string) => catalog.fields.has(field) || catalog.fields.has(field.replace(/\.keyword$/, ""));
  const essential = ESSENTIAL.map((concept) => mapping[concept] as string).filter((field) => !has(field));
  const ids = mapping.correlationIds.filter((field) => !has(field));
  const problems: string[] = [];
  if (essential.length > 0) problems.push(`The mapping names ${essential.join(", ")}, which ${essential.length === 1 ? "this pattern's indices do not have" : "these indices do not have"}: views will miss ${essential.length === 1 ? "it" : "them"}. Try Detect mapping.`);
  // A statement field still joins requests through sqlcommenter comments (PostgreSQL's own log has no id field).
  const joinsByComment = has(mapping.sqlStatement);
  if (ids.length === mapping.correlationIds.length && !joinsByComment) problems.push(`None of the correlation fields (${ids.join(", ")}) exist here, so requests cannot be followed into this source.`);
  return { indexCount: catalog.indices.length, missing: [...essential, ...ids], problems };
}
