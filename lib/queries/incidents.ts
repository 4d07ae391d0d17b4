import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { ErrorRateResponse } from "@/lib/schemas/error-rate";
import type { CreateIncidentInput, IncidentDetail, IncidentNoteInput, IncidentSummary, ListIncidentsQuery, PinIncidentLinkInput, UpdateIncidentInput } from "@/lib/schemas/incident";
import type { OpenIncidentFromAlertInput } from "@/lib/schemas/alert-rule-api";
import { fetchJson } from "./fetch-json";
import { sendJson } from "./send-json";

export const incidentKeys = {
  all: ["incidents"] as const,
  list: (filters: ListIncidentsQuery) => [...incidentKeys.all, "list", filters] as const,
  detail: (id: string) => [...incidentKeys.all, "detail", id] as const,
  errorRate: (input: ErrorRateInput) => [...incidentKeys.all, "error-rate", input] as const,
};

export interface ErrorRateInput {
  from: string;
  to: string;
  service: string[];
}

export function incidentsQueryOptions(filters: ListIncidentsQuery) {
  const params = new URLSearchParams();
  for (const key of ["status", "severity", "service"] as const) for (const value of filters[key]) params.append(key, value);
  return queryOptions({ queryKey: incidentKeys.list(filters), queryFn: ({ signal }) => fetchJson<{ incidents: IncidentSummary[] }>("/api/incidents", params, signal) });
}

const incidentPath = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export const incidentQueryOptions = (id: string) =>
  queryOptions({ queryKey: incidentKeys.detail(id), queryFn: ({ signal }) => fetchJson<IncidentDetail>(incidentPath(id), undefined, signal), retry: false });

/** The overview's error-rate verb over the incident's window and services. */
export function incidentErrorRateQueryOptions(input: ErrorRateInput) {
  const params = new URLSearchParams({ from: input.from, to: input.to });
  for (const service of input.service) params.append("service", service);
  return queryOptions({ queryKey: incidentKeys.errorRate(input), queryFn: ({ signal }) => fetchJson<ErrorRateResponse>("/api/overview/error-rate", params, signal), retry: false });
}

// Every write answers with the whole incident, which replaces the cached one; lists refetch.
const storeIncident = (queryClient: QueryClient) => (incident: IncidentDetail) => {
  queryClient.setQueryData(incidentKeys.detail(incident.id), incident);
  void queryClient.invalidateQueries({ queryKey: [...incidentKeys.all, "list"] });
};

export const createIncidentMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...incidentKeys.all, "create"], mutationFn: (input: CreateIncidentInput) => sendJson<IncidentDetail>("POST", "/api/incidents", input), onSuccess: storeIncident(queryClient) });

export const updateIncidentMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...incidentKeys.all, "update"], mutationFn: ({ id, input }: { id: string; input: UpdateIncidentInput }) => sendJson<IncidentDetail>("PATCH", incidentPath(id), input), onSuccess: storeIncident(queryClient) });

export const addIncidentNoteMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...incidentKeys.all, "note"], mutationFn: ({ id, input }: { id: string; input: IncidentNoteInput }) => sendJson<IncidentDetail>("POST", `${incidentPath(id)}/notes`, input), onSuccess: storeIncident(queryClient) });

export const pinIncidentLinkMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...incidentKeys.all, "pin"], mutationFn: ({ id, input }: { id: string; input: PinIncidentLinkInput }) => sendJson<IncidentDetail>("POST", `${incidentPath(id)}/links`, input), onSuccess: storeIncident(queryClient) });

/** Opens an incident from a firing series of an alert rule (the episode becomes its first timeline entries). */
export const openIncidentFromAlertMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...incidentKeys.all, "from-alert"],
    mutationFn: ({ ruleId, input }: { ruleId: string; input: OpenIncidentFromAlertInput }) => sendJson<IncidentDetail>("POST", `/api/alerts/${encodeURIComponent(ruleId)}/incident`, input),
    onSuccess: storeIncident(queryClient),
  });
