import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { FieldMappingProposal } from "@/lib/schemas/field-mapping-proposal";
import type { LogSettingsResponse, UpdateLogSettingsInput } from "@/lib/schemas/log-settings";
import { fetchJson } from "./fetch-json";
import { sendJson } from "./send-json";

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

/** Saves against the version the form was opened on; a stale one comes back as a 409 with the server's message. */
export const saveLogSettingsMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...settingsKeys.logs(), "save"],
    mutationFn: (input: UpdateLogSettingsInput) => sendJson<LogSettingsResponse>("PUT", "/api/settings/logs", input),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.logs(), saved),
  });
