import { queryOptions } from "@tanstack/react-query";
import type { RequestDrilldownResponse, RequestDrilldownWindow } from "@/lib/schemas/request-drilldown";
import { fetchJson } from "./fetch-json";

export interface RequestDrilldownInput {
  id: string;
  around: string | null;
  window: RequestDrilldownWindow | null;
  user: string | null;
  method: string | null;
  path: string | null;
}

export const requestKeys = {
  all: ["requests"] as const,
  drilldown: (input: RequestDrilldownInput) => [...requestKeys.all, "drilldown", input] as const,
};

export function requestDrilldownQueryOptions(input: RequestDrilldownInput) {
  const params = new URLSearchParams();
  for (const key of ["around", "window", "user", "method", "path"] as const) {
    const value = input[key];
    if (value) params.set(key, value);
  }
  return queryOptions({
    queryKey: requestKeys.drilldown(input),
    queryFn: ({ signal }) => fetchJson<RequestDrilldownResponse>(`/api/requests/${encodeURIComponent(input.id)}`, params, signal),
    // A bad id stays bad; an outage gets one more try.
    retry: (count, error) => count < 1 && (error as { status?: number }).status !== 400,
  });
}
