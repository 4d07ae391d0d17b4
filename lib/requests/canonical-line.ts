import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { levelName } from "@/lib/logs/level-scheme";
import { readSqlCommenter } from "@/lib/sql/sqlcommenter";
import { readField, readString, type LogSource } from "./read-log-fields";

// Settings of how to read a field, not field names.
const NOT_FIELDS = ["durationUnit", "levelScheme", "correlationIds"] as const;
type Concept = Exclude<keyof FieldMapping, (typeof NOT_FIELDS)[number]>;
const CONCEPTS = (Object.keys(ECS_FIELD_MAPPING) as (keyof FieldMapping)[]).filter((key): key is Concept => !(NOT_FIELDS as readonly string[]).includes(key));
const NS_PER_MS = 1_000_000;

/**
 * One line of any source as the drilldown's core reads it: the document as logged, plus the ECS
 * names of what its source's mapping found (flat keys, which win over nested ones). Lines of
 * differently shaped sources then build one timeline. Durations become nanoseconds like ECS's
 * `event.duration`, levels become names; a PostgreSQL line's sqlcommenter traceparent makes it a child of the span
 * that ran the statement.
 */
export function toCanonicalLine(doc: LogSource, mapping: FieldMapping): LogSource {
  const canonical: Record<string, unknown> = { ...doc };
  for (const concept of CONCEPTS) {
    const from = mapping[concept] as string;
    const to = ECS_FIELD_MAPPING[concept] as string;
    if (from === to) continue;
    const value = readField(doc, from);
    if (value !== undefined) canonical[to] = value;
  }
  // The core reads levels as names (ECS); pino's 50 becomes "error" here.
  if (mapping.levelScheme !== "names") {
    const name = levelName(readField(doc, mapping.level), mapping.levelScheme);
    if (name !== null) canonical[ECS_FIELD_MAPPING.level] = name;
  }
  const duration = readField(doc, mapping.duration);
  if (typeof duration === "number" && mapping.durationUnit === "ms") canonical[ECS_FIELD_MAPPING.duration] = Math.round(duration * NS_PER_MS);
  const requestId = mapping.correlationIds.map((field) => readString(doc, field)).find((value) => value !== null && value !== "");
  if (requestId && readString(doc, ECS_FIELD_MAPPING.correlationIds[0]!) === null) canonical[ECS_FIELD_MAPPING.correlationIds[0]!] = requestId;
  const comment = sqlCommenterOf(doc, mapping);
  if (comment?.spanId && readString(canonical, ECS_FIELD_MAPPING.parentId) === null) canonical[ECS_FIELD_MAPPING.parentId] = comment.spanId;
  if (comment?.traceId && readString(canonical, "trace.id") === null) canonical["trace.id"] = comment.traceId;
  return canonical;
}

/** The sqlcommenter tags of a line's statement (or, for raw PostgreSQL server lines, of its message). */
export function sqlCommenterOf(doc: LogSource, mapping: FieldMapping) {
  const statement = readString(doc, mapping.sqlStatement) ?? readString(doc, mapping.message);
  return statement ? readSqlCommenter(statement) : null;
}

/**
 * Whether a line belongs to the request `id`: a correlation field holds it, or its statement's
 * sqlcommenter comment names it (request_id or any tag, or the traceparent's trace id). The
 * engine finds sqlcommenter candidates by phrase, which can over-match; this is the exact test.
 */
export function lineJoinsRequest(doc: LogSource, mapping: FieldMapping, id: string): boolean {
  if (mapping.correlationIds.some((field) => readString(doc, field) === id)) return true;
  const comment = sqlCommenterOf(doc, mapping);
  if (!comment) return false;
  return comment.traceId === id.toLowerCase() || Object.values(comment.tags).includes(id);
}
