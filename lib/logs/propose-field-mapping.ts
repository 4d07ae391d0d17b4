import type { ConceptReport, MappingCandidate, MappingConcept } from "@/lib/schemas/field-mapping-proposal";
import { ECS_FIELD_MAPPING, type FieldMapping } from "./field-mapping";

/** `_field_caps`'s `fields`: field name -> type -> capabilities (both engines answer this shape). */
export type FieldCapsFields = Record<string, Record<string, { type?: string; aggregatable?: boolean; searchable?: boolean }>>;

/** What a concept is used for decides which types serve it. */
type Kind = "date" | "number" | "keyword" | "text";

const NUMBER_TYPES = ["long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long"];
const KEYWORD_TYPES = ["keyword", "constant_keyword"];
const TEXT_TYPES = ["text", "match_only_text"];
const SUITABLE: Record<Kind, ReadonlySet<string>> = {
  date: new Set(["date", "date_nanos"]),
  number: new Set(NUMBER_TYPES),
  // Filters (terms) and counts (terms aggregations) need exact values: keywords, or numbers for numeric ids.
  keyword: new Set([...KEYWORD_TYPES, ...NUMBER_TYPES]),
  text: new Set([...TEXT_TYPES, ...KEYWORD_TYPES, "wildcard"]),
};
// Objects are containers (`service` when `service.name` exists), never a value.
const CONTAINER_TYPES = new Set(["object", "nested", "flattened"]);

type SingleConcept = Exclude<MappingConcept, "correlationIds" | "duration">;

/** DESIGN.md's log-schema table: the ECS name first, then common alternatives. */
const SINGLE_CONCEPTS: ReadonlyArray<{ concept: SingleConcept; kind: Kind; candidates: string[] }> = [
  { concept: "timestamp", kind: "date", candidates: ["@timestamp", "timestamp", "time"] },
  { concept: "level", kind: "keyword", candidates: ["log.level", "level", "severity"] },
  { concept: "service", kind: "keyword", candidates: ["service.name", "service", "app"] },
  { concept: "environment", kind: "keyword", candidates: ["service.environment", "env", "environment"] },
  { concept: "message", kind: "text", candidates: ["message", "msg"] },
  { concept: "status", kind: "number", candidates: ["http.response.status_code", "status", "status_code"] },
  { concept: "method", kind: "keyword", candidates: ["http.request.method", "method"] },
  { concept: "path", kind: "keyword", candidates: ["url.path", "path", "route"] },
  { concept: "errorType", kind: "keyword", candidates: ["error.type", "exception.type"] },
  { concept: "errorMessage", kind: "text", candidates: ["error.message", "exception.message"] },
  { concept: "errorStack", kind: "text", candidates: ["error.stack_trace", "stack", "exception.stacktrace"] },
  { concept: "sqlStatement", kind: "text", candidates: ["db.statement", "postgresql.log.query", "query"] },
  { concept: "userId", kind: "keyword", candidates: ["user.id", "user_id"] },
  { concept: "spanId", kind: "keyword", candidates: ["span.id", "span_id"] },
  { concept: "parentId", kind: "keyword", candidates: ["parent.id", "parent_id"] },
];
const DURATION_CANDIDATES: ReadonlyArray<{ field: string; unit: FieldMapping["durationUnit"] }> = [
  { field: "event.duration", unit: "ns" },
  { field: "duration_ms", unit: "ms" },
  { field: "latency_ms", unit: "ms" },
];
const CORRELATION_CANDIDATES = ["http.request.id", "trace.id", "transaction.id", "request_id", "x_request_id", "correlation_id"];

/** Every name worth asking `_field_caps` about, with the `.keyword` sub-fields of dynamic mappings. */
export const FIELD_CAPS_CANDIDATES: readonly string[] = [...SINGLE_CONCEPTS.flatMap((c) => c.candidates), ...DURATION_CANDIDATES.map((c) => c.field), ...CORRELATION_CANDIDATES].flatMap(
  (field) => [field, `${field}.keyword`],
);

const kindPurpose: Record<Kind, string> = { date: "time ranges", number: "numeric ranges", keyword: "exact filters and counts", text: "text search" };

interface Resolved extends MappingCandidate {
  note: string | null;
}

/**
 * One candidate as the engine maps it. For concepts that are filtered and counted, a `text`
 * field with a `.keyword` sub-field (what dynamic mapping makes of strings) resolves to the sub-field.
 */
function resolveCandidate(fields: FieldCapsFields, name: string, kind: Kind): Resolved | null {
  const types = Object.keys(fields[name] ?? {}).filter((type) => !CONTAINER_TYPES.has(type));
  if (types.length === 0) return null;
  if (kind === "keyword" && types.every((type) => TEXT_TYPES.includes(type))) {
    const subTypes = Object.keys(fields[`${name}.keyword`] ?? {});
    if (subTypes.length > 0 && subTypes.every((type) => SUITABLE.keyword.has(type))) {
      return { field: `${name}.keyword`, type: subTypes.join(", "), suitable: true, note: `${name} is text; its keyword sub-field serves filters and counts` };
    }
  }
  const suitable = types.every((type) => SUITABLE[kind].has(type));
  const note = suitable ? null : types.length > 1 ? `${name} is mapped as ${types.join(" and ")} in different indices` : `${name} is mapped as ${types[0]}, which does not suit ${kindPurpose[kind]}`;
  return { field: name, type: types.join(", "), suitable, note };
}

/** The first suitable candidate, else the first existing one (with a note saying why it is not ideal). */
function chooseCandidate(resolved: Resolved[]): Resolved | null {
  return resolved.find((candidate) => candidate.suitable) ?? resolved[0] ?? null;
}

function report(concept: MappingConcept, chosen: Resolved | null, resolved: Resolved[]): ConceptReport {
  return {
    concept,
    found: chosen !== null,
    fields: chosen ? [chosen.field] : [],
    type: chosen?.type ?? null,
    alternatives: resolved.filter((candidate) => candidate !== chosen).map(({ field, type, suitable }) => ({ field, type, suitable })),
    note: chosen?.note ?? null,
  };
}

/**
 * Proposes a FieldMapping from an index's `_field_caps`: per concept, the first candidate of
 * DESIGN.md's table that exists, preferring types that serve the concept. Concepts with no
 * candidate keep `fallback`'s field and are reported as not found.
 */
export function proposeFieldMapping(fields: FieldCapsFields, fallback: FieldMapping = ECS_FIELD_MAPPING): { mapping: FieldMapping; concepts: ConceptReport[] } {
  const mapping: FieldMapping = { ...fallback, correlationIds: [...fallback.correlationIds] };
  const concepts: ConceptReport[] = [];

  for (const { concept, kind, candidates } of SINGLE_CONCEPTS) {
    const resolved = candidates.map((name) => resolveCandidate(fields, name, kind)).filter((c): c is Resolved => c !== null);
    const chosen = chooseCandidate(resolved);
    if (chosen) mapping[concept] = chosen.field;
    concepts.push(report(concept, chosen, resolved));
  }

  const durations = DURATION_CANDIDATES.map((c) => ({ ...c, resolved: resolveCandidate(fields, c.field, "number") })).filter((c) => c.resolved !== null);
  const duration = durations.find((c) => c.resolved!.suitable) ?? durations[0];
  if (duration) {
    mapping.duration = duration.resolved!.field;
    mapping.durationUnit = duration.unit;
  }
  concepts.push(report("duration", duration?.resolved ?? null, durations.map((c) => c.resolved!)));

  // Every correlation-id field that exists is proposed: lines of one request may carry any of them.
  const ids = CORRELATION_CANDIDATES.map((name) => resolveCandidate(fields, name, "keyword")).filter((c): c is Resolved => c !== null);
  const usable = ids.filter((candidate) => candidate.suitable);
  const chosenIds = usable.length > 0 ? usable : ids.slice(0, 1);
  if (chosenIds.length > 0) mapping.correlationIds = chosenIds.map((candidate) => candidate.field);
  concepts.push({
    concept: "correlationIds",
    found: chosenIds.length > 0,
    fields: chosenIds.map((candidate) => candidate.field),
    type: chosenIds.length > 0 ? [...new Set(chosenIds.map((candidate) => candidate.type))].join(", ") : null,
    alternatives: ids.filter((candidate) => !chosenIds.includes(candidate)).map(({ field, type, suitable }) => ({ field, type, suitable })),
    note: chosenIds.map((candidate) => candidate.note).filter(Boolean).join("; ") || null,
  });
  return { mapping, concepts };
}
