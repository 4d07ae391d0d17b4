import "server-only";
import { FIELD_CAPS_CANDIDATES, mappedFields } from "@/lib/logs/field-candidates";
import { missingConceptsNotice, proposeFieldMapping } from "@/lib/logs/propose-field-mapping";
import { buildValueSampleSearch, fieldsToSample, readValueSamples, type ValueSamples } from "@/lib/logs/value-samples";
import type { DetectFieldMappingParams, FieldMappingProposal } from "@/lib/schemas/field-mapping-proposal";
import { buildServerLogProbe, proposeServerLogStatements } from "@/lib/sql/server-log-detection";
import type { LogContext } from "../logs/log-context";

/**
 * Proposes a field mapping from the pattern's `_field_caps` and, when a level or time candidate is
 * numeric, one sampled search of its values (pino or syslog numbers, epoch millis or seconds);
 * nothing is saved. Concepts with no candidate keep the context's (saved) mapping, found only if
 * the index has that field.
 */
export async function detectFieldMapping(params: DetectFieldMappingParams, context: LogContext): Promise<FieldMappingProposal> {
  const current = context.settings.mapping;
  // Only the candidate (and current) names: indices with thousands of fields would otherwise answer megabytes.
  const names = [...new Set([...FIELD_CAPS_CANDIDATES, ...mappedFields(current)])];
  const caps = await context.store.fieldCaps(params.indexPattern, names, { signal: context.signal });
  const sampled = caps.indices.length > 0 ? fieldsToSample(caps.fields) : [];
  let samples: ValueSamples = {};
  if (sampled.length > 0) {
    const result = await context.store.search({ index: params.indexPattern, body: buildValueSampleSearch(sampled) }, { signal: context.signal });
    samples = readValueSamples(sampled, result.aggregations);
  }
  const { mapping, concepts } = proposeFieldMapping(caps.fields, current, samples);
  // No statement field: one more search asks whether the message holds PostgreSQL's own duration lines.
  if (caps.indices.length > 0 && !concepts.some((concept) => concept.concept === "sqlStatement" && concept.found) && concepts.some((concept) => concept.concept === "message" && concept.found)) {
    const probe = await context.store.search({ index: params.indexPattern, body: buildServerLogProbe(mapping.message) }, { signal: context.signal });
    proposeServerLogStatements(mapping, concepts, probe.total > 0);
  }
  const notices: string[] = [...context.notices];
  if (caps.indices.length === 0) notices.push(`No index matches ${params.indexPattern}, so there is nothing to detect. Check the pattern.`);
  else if (!concepts.some((concept) => concept.found)) notices.push(`None of the usual field names were found in ${params.indexPattern}; map the fields by hand.`);
  else {
    const missing = missingConceptsNotice(concepts, mapping, params.indexPattern);
    if (missing) notices.push(missing);
  }
  return { indexPattern: params.indexPattern, indexCount: caps.indices.length, mapping, concepts, notices };
}
