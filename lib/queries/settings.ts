import { queryOptions } from "@tanstack/react-query";
import type { FieldMappingProposal } from "@/lib/schemas/field-mapping-proposal";
import type { LogSettingsResponse } from "@/lib/schemas/log-settings";
import { fetchJson } from "./fetch-json";

export const settingsKeys = {
  all: ["settings"] as const,
  logs: () => [...settingsKeys.all, "logs"] as const,
  detectMapping: (indexPattern: string) => [...settingsKeys.all, "detect-mapping", indexPattern] as const,
};

export function logSettingsQueryOptions() {
  return queryOptions({ queryKey: settingsKeys.logs(), queryFn: ({ signal }) => fetchJson<LogSettingsResponse>("/api/settings/logs", undefined, signal) });
}

/** A mapping proposal from the pattern's `_field_caps`; always re-read, since indices change. */
export function fieldMappingProposalQueryOptions(indexPattern: string) {
  return queryOptions({
    queryKey: settingsKeys.detectMapping(indexPattern),
    queryFn: ({ signal }) => fetchJson<FieldMappingProposal>("/api/settings/logs/detect", new URLSearchParams({ indexPattern }), signal),
    staleTime: 0,
    retry: false,
  });
}
