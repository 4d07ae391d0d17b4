import "server-only";
import type { FieldMapping } from "@/lib/logs/field-mapping";
import { FIELD_CAPS_CANDIDATES, proposeFieldMapping } from "@/lib/logs/propose-field-mapping";
import type { DetectFieldMappingParams, FieldMappingProposal } from "@/lib/schemas/field-mapping-proposal";
import { getLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { getLogSettings } from "./get-log-settings";

export interface DetectFieldMappingDeps {
  store: LogStore;
  /** Concepts with no candidate in the index keep this mapping's field (the saved settings). */
  fallback: FieldMapping;
  signal?: AbortSignal;
}

/** Proposes a field mapping from the pattern's `_field_caps`; nothing is saved. */
export async function queryFieldMappingProposal(params: DetectFieldMappingParams, deps: DetectFieldMappingDeps): Promise<FieldMappingProposal> {
  // Only the candidate names: indices with thousands of fields would otherwise answer megabytes.
  const caps = await deps.store.fieldCaps(params.indexPattern, [...FIELD_CAPS_CANDIDATES], { signal: deps.signal });
  const { mapping, concepts } = proposeFieldMapping(caps.fields, deps.fallback);
  const notices: string[] = [];
  if (caps.indices.length === 0) notices.push(`No index matches ${params.indexPattern}, so there is nothing to detect. Check the pattern.`);
  else if (!concepts.some((concept) => concept.found)) notices.push(`None of the usual field names were found in ${params.indexPattern}; map the fields by hand.`);
  return { indexPattern: params.indexPattern, indexCount: caps.indices.length, mapping, concepts, notices };
}

/** The route's verb: the configured store, with the saved mapping as the fallback. */
export async function detectFieldMapping(params: DetectFieldMappingParams, options: { signal?: AbortSignal } = {}): Promise<FieldMappingProposal> {
  const { settings } = await getLogSettings();
  return queryFieldMappingProposal(params, { store: await getLogStore(), fallback: settings.mapping, signal: options.signal });
}
