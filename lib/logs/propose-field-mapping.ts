import type { ConceptReport, MappingCandidate, MappingConcept } from "@/lib/schemas/field-mapping-proposal";
import { CORRELATION_CANDIDATES, DURATION_CANDIDATES, SINGLE_CONCEPTS, STATEMENT_DURATION_CANDIDATES, type Kind } from "./field-candidates";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { inferNumericLevelScheme, NUMBER_TYPES, numericTimeNote, type FieldCapsFields, type ValueSamples } from "./value-samples";

export type { FieldCapsFields, ValueSamples };
export { FIELD_CAPS_CANDIDATES } from "./field-candidates";

const KEYWORD_TYPES = ["keyword", "constant_keyword"];
const TEXT_TYPES = ["text", "match_only_text"];
const SUITABLE: Record<Exclude<Kind, "time">, ReadonlySet<string>> = {
  number: new Set(NUMBER_TYPES),
  // Filters (terms) and counts (terms aggregations) need exact values: keywords, or numbers for numeric ids and levels.
  keyword: new Set([...KEYWORD_TYPES, ...NUMBER_TYPES]),
  text: new Set([...TEXT_TYPES, ...KEYWORD_TYPES, "wildcard"]),
};
const DATE_TYPES = new Set(["date", "date_nanos"]);
// Objects are containers (`service` when `service.name` exists), never a value.
const CONTAINER_TYPES = new Set(["object", "nested", "flattened"]);

const kindPurpose: Record<Kind, string> = { time: "time ranges", number: "numeric ranges", keyword: "exact filters and counts", text: "text search" };

/** The concepts every view leans on; when one is missing, the proposal says so above the table. */
const CORE_CONCEPTS: readonly MappingConcept[] = ["timestamp", "service", "level", "message", "status", "correlationIds"];

interface Resolved extends MappingCandidate {
  note: string | null;
}

const typesOf = (fields: FieldCapsFields, name: string) => Object.keys(fields[name] ?? {}).filter((type) => !CONTAINER_TYPES.has(type));

/**
 * One candidate as the engine maps it. For concepts that are filtered and counted, a `text`
 * field with a `.keyword` sub-field (what dynamic mapping makes of strings) resolves to the sub-field.
 * A numeric time field is judged by its values (numericTimeNote).
 */
function resolveCandidate(fields: FieldCapsFields, name: string, kind: Kind, samples: ValueSamples): Resolved | null {
  const types = typesOf(fields, name);
  if (types.length === 0) return null;
  const type = types.join(", ");
  if (kind === "time") {
    if (types.every((t) => DATE_TYPES.has(t))) return { field: name, type, suitable: true, note: null };
    if (types.every((t) => NUMBER_TYPES.includes(t))) return { field: name, type, ...numericTimeNote(name, types, samples[name]) };
  }
  if (kind === "keyword" && types.every((t) => TEXT_TYPES.includes(t))) {
    const subTypes = Object.keys(fields[`${name}.keyword`] ?? {});
    if (subTypes.length > 0 && subTypes.every((t) => SUITABLE.keyword.has(t))) {
      return { field: `${name}.keyword`, type: subTypes.join(", "), suitable: true, note: `${name} is text; its keyword sub-field serves filters and counts` };
    }
  }
  const suitable = kind !== "time" && types.every((t) => SUITABLE[kind].has(t));
  const note = suitable ? null : types.length > 1 ? `${name} is mapped as ${types.join(" and ")} in different indices` : `${name} is mapped as ${types[0]}, which does not suit ${kindPurpose[kind]}`;
  return { field: name, type, suitable, note };
}

/** The first suitable candidate, else the first existing one (with a note saying why it is not ideal). */
function chooseCandidate(resolved: Resolved[]): Resolved | null {
  return resolved.find((candidate) => candidate.suitable) ?? resolved[0] ?? null;
}

function report(concept: MappingConcept, chosen: Resolved | null, resolved: Resolved[], missingNote: string | null = null): ConceptReport {
  return {
    concept,
    found: chosen !== null,
    fields: chosen ? [chosen.field] : [],
    type: chosen?.type ?? null,
    alternatives: resolved.filter((candidate) => candidate !== chosen).map(({ field, type, suitable }) => ({ field, type, suitable })),
    note: chosen?.note ?? missingNote,
  };
}

/**
 * With no usual name in the index, the current field stays: found when the index has it (a name
 * an admin mapped by hand), else reported as missing, never passed off as detected.
 */
function keepCurrent(fields: FieldCapsFields, current: string, candidates: readonly string[]): { kept: Resolved | null; note: string } {
  const types = typesOf(fields, current);
  if (types.length > 0) return { kept: { field: current, type: types.join(", "), suitable: true, note: `none of the usual names; keeps ${current}, which the index has` }, note: "" };
  return { kept: null, note: `not in the index: ${candidates.join(", ")}; ${current} (current) is kept but the index has no such field either` };
}

/**
 * Proposes a FieldMapping from an index's `_field_caps` and a sample of its numeric level and time
 * values: per concept, the first candidate of DESIGN.md's table that exists, preferring types that
 * serve the concept, and the level scheme its values show. Concepts with no candidate keep
 * `fallback`'s field, found only if the index has it.
 */
export function proposeFieldMapping(fields: FieldCapsFields, fallback: FieldMapping = ECS_FIELD_MAPPING, samples: ValueSamples = {}): { mapping: FieldMapping; concepts: ConceptReport[] } {
  const mapping: FieldMapping = { ...fallback, correlationIds: [...fallback.correlationIds] };
  const concepts: ConceptReport[] = [];

  for (const { concept, kind, candidates } of SINGLE_CONCEPTS) {
    const resolved = candidates.map((name) => resolveCandidate(fields, name, kind, samples)).filter((c): c is Resolved => c !== null);
    let chosen = chooseCandidate(resolved);
    let missingNote: string | null = null;
    if (!chosen) ({ kept: chosen, note: missingNote } = keepCurrent(fields, fallback[concept], candidates));
    if (chosen) mapping[concept] = chosen.field;
    if (concept === "level" && chosen) {
      const numeric = typesOf(fields, chosen.field).every((type) => NUMBER_TYPES.includes(type));
      if (numeric) {
        const inferred = inferNumericLevelScheme(chosen.field, samples[chosen.field], fallback.levelScheme);
        mapping.levelScheme = inferred.scheme;
        chosen = { ...chosen, note: inferred.note };
      } else {
        mapping.levelScheme = "names";
      }
    }
    concepts.push(report(concept, chosen, resolved, missingNote));
  }

  const durations = DURATION_CANDIDATES.map((c) => ({ ...c, resolved: resolveCandidate(fields, c.field, "number", samples) })).filter((c) => c.resolved !== null);
  const duration = durations.find((c) => c.resolved!.suitable) ?? durations[0];
  if (duration) {
    mapping.duration = duration.resolved!.field;
    mapping.durationUnit = duration.unit;
  }
  const keptDuration = duration ? null : keepCurrent(fields, fallback.duration, DURATION_CANDIDATES.map((c) => c.field));
  concepts.push(report("duration", duration?.resolved ?? keptDuration?.kept ?? null, durations.map((c) => c.resolved!), keptDuration?.note ?? null));

  concepts.push(proposeStatementDuration(fields, mapping, samples, concepts));
  concepts.push(proposeCorrelationIds(fields, fallback, mapping));
  return { mapping, concepts };
}

/**
 * A SQL line's duration, only where a statement field was found. The same field and unit as the
 * line's duration need no setting of their own; another one (a request's responseTime next to
 * Filebeat's event.duration) is proposed with its unit.
 */
function proposeStatementDuration(fields: FieldCapsFields, mapping: FieldMapping, samples: ValueSamples, concepts: readonly ConceptReport[]): ConceptReport {
  const statementFound = concepts.some((c) => c.concept === "sqlStatement" && c.found);
  const resolved = statementFound ? STATEMENT_DURATION_CANDIDATES.map((c) => ({ ...c, resolved: resolveCandidate(fields, c.field, "number", samples) })).filter((c) => c.resolved?.suitable) : [];
  const chosen = resolved[0];
  if (chosen) {
    delete mapping.statementDuration;
    delete mapping.statementDurationUnit;
  }
  if (chosen && (chosen.field !== mapping.duration || chosen.unit !== mapping.durationUnit)) {
    mapping.statementDuration = chosen.field;
    mapping.statementDurationUnit = chosen.unit;
  }
  const note = statementFound ? null : "only with a SQL statement field";
  return report("statementDuration", chosen?.resolved ?? null, resolved.map((c) => c.resolved!), chosen ? null : note);
}

/** Every correlation-id field that exists is proposed: lines of one request may carry any of them. */
function proposeCorrelationIds(fields: FieldCapsFields, fallback: FieldMapping, mapping: FieldMapping): ConceptReport {
  const ids = CORRELATION_CANDIDATES.map((name) => resolveCandidate(fields, name, "keyword", {})).filter((c): c is Resolved => c !== null);
  const usable = ids.filter((candidate) => candidate.suitable);
  let chosenIds = usable.length > 0 ? usable : ids.slice(0, 1);
  if (chosenIds.length === 0) chosenIds = fallback.correlationIds.flatMap((field) => keepCurrent(fields, field, []).kept ?? []);
  if (chosenIds.length > 0) mapping.correlationIds = chosenIds.map((candidate) => candidate.field);
  const missing = chosenIds.length === 0 ? `not in the index: ${CORRELATION_CANDIDATES.join(", ")}; ${fallback.correlationIds.join(", ")} (current) kept but the index has none of them either` : null;
  return {
    concept: "correlationIds",
    found: chosenIds.length > 0,
    fields: chosenIds.map((candidate) => candidate.field),
    type: chosenIds.length > 0 ? [...new Set(chosenIds.map((candidate) => candidate.type))].join(", ") : null,
    alternatives: ids.filter((candidate) => !chosenIds.includes(candidate)).map(({ field, type, suitable }) => ({ field, type, suitable })),
    note: chosenIds.map((candidate) => candidate.note).filter(Boolean).join("; ") || missing,
  };
}

/** Says which of the concepts every view needs the index lacks, so a kept default is never read as found. */
export function missingConceptsNotice(concepts: readonly ConceptReport[], mapping: FieldMapping, indexPattern: string): string | null {
  const missing = concepts.filter((report) => !report.found && CORE_CONCEPTS.includes(report.concept));
  if (missing.length === 0) return null;
  const kept = (concept: MappingConcept) => (concept === "correlationIds" ? mapping.correlationIds.join(", ") : String(mapping[concept]));
  const list = missing.map((report) => `${report.concept} (${kept(report.concept)} kept)`).join(", ");
  return `Not found in ${indexPattern}: ${list}. The index has none of those fields, so what needs them stays empty until you map them by hand.`;
}
