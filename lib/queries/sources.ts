import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { FieldMappingProposal } from "@/lib/schemas/field-mapping-proposal";
import type { LogSource, LogSourceInput, LogSourcesResponse, SourceChecksResponse, UpdateLogSourceInput } from "@/lib/schemas/log-source";
import { fetchJson } from "./fetch-json";
import { sendJson } from "./send-json";

export const sourceKeys = {
  all: ["sources"] as const,
  list: () => [...sourceKeys.all, "list"] as const,
  checks: () => [...sourceKeys.all, "checks"] as const,
  detectMapping: (indexPattern: string) => [...sourceKeys.all, "detect-mapping", indexPattern] as const,
};

/** Every saved source (or the LOGS_INDEX default): the Settings list, and the pickers and filters of the views. */
export const logSourcesQueryOptions = () =>
  queryOptions({ queryKey: sourceKeys.list(), queryFn: ({ signal }) => fetchJson<LogSourcesResponse>("/api/sources", undefined, signal), staleTime: 30_000 });

// Every view reads sources, so a change refreshes everything cached, not just the list.
const refreshAll = (queryClient: QueryClient) => () => queryClient.invalidateQueries();

export const createLogSourceMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...sourceKeys.all, "create"],
    mutationFn: (input: LogSourceInput) => sendJson<LogSource>("POST", "/api/sources", input),
    onSuccess: refreshAll(queryClient),
  });

export const updateLogSourceMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...sourceKeys.all, "update"],
    mutationFn: ({ id, input }: { id: string; input: UpdateLogSourceInput }) => sendJson<LogSource>("PUT", `/api/sources/${encodeURIComponent(id)}`, input),
    onSuccess: refreshAll(queryClient),
  });

export const deleteLogSourceMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...sourceKeys.all, "delete"],
    mutationFn: ({ id, version }: { id: string; version: number }) => sendJson<{ deleted: true }>("DELETE", `/api/sources/${encodeURIComponent(id)}?${new URLSearchParams({ version: String(version) })}`),
    onSuccess: refreshAll(queryClient),
  });

/** Each source against its indices (matches anything? fields present?), for Settings. */
export const sourceChecksQueryOptions = () =>
  queryOptions({ queryKey: sourceKeys.checks(), queryFn: ({ signal }) => fetchJson<SourceChecksResponse>("/api/sources/check", undefined, signal), staleTime: 0 });

/** A mapping proposal from a pattern's `_field_caps` ("Detect mapping"); always re-read, since indices change. */
export function fieldMappingProposalQueryOptions(indexPattern: string) {
  return queryOptions({
    queryKey: sourceKeys.detectMapping(indexPattern),
    queryFn: ({ signal }) => fetchJson<FieldMappingProposal>("/api/sources/detect", new URLSearchParams({ indexPattern }), signal),
    staleTime: 0,
    retry: false,
  });
}
