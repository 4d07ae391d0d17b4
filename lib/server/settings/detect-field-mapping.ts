import "server-only";
import { FIELD_CAPS_CANDIDATES, proposeFieldMapping } from "@/lib/logs/propose-field-mapping";
import type { DetectFieldMappingParams, FieldMappingProposal } from "@/lib/schemas/field-mapping-proposal";
import type { LogContext } from "../logs/log-context";

/**
 * Proposes a field mapping from the pattern's `_field_caps`; nothing is saved. Concepts with no
 * candidate in the index keep the context's (saved) mapping.
 */
export async function detectFieldMapping(params: DetectFieldMappingParams, context: LogContext): Promise<FieldMappingProposal> {
  // Only the candidate names: indices with thousands of fields would otherwise answer megabytes.
  const caps = await context.store.fieldCaps(params.indexPattern, [...FIELD_CAPS_CANDIDATES], { signal: context.signal });
  const { mapping, concepts } = proposeFieldMapping(caps.fields, context.settings.mapping);
  const notices: string[] = [...context.notices];
  if (caps.indices.length === 0) notices.push(`No index matches ${params.indexPattern}, so there is nothing to detect. Check the pattern.`);
  else if (!concepts.some((concept) => concept.found)) notices.push(`None of the usual field names were found in ${params.indexPattern}; map the fields by hand.`);
  return { indexPattern: params.indexPattern, indexCount: caps.indices.length, mapping, concepts, notices };
}
