import { queryOptions } from "@tanstack/react-query";
import type { OverviewResponse } from "@/lib/schemas/overview";
import { fetchJson } from "./fetch-json";

export interface OverviewQueryInput {
  from: string;
  to: string;
  service: string[];
  environment: string[];
  source: string[];
}

export const overviewKeys = {
  all: ["overview"] as const,
  panels: (input: OverviewQueryInput) => [...overviewKeys.all, "panels", input] as const,
};

/** Every overview panel in one request (and one _msearch on the server). */
export function overviewQueryOptions(input: OverviewQueryInput) {
  const params = new URLSearchParams({ from: input.from, to: input.to });
  for (const service of input.service) params.append("service", service);
  for (const environment of input.environment) params.append("environment", environment);
  for (const source of input.source) params.append("source", source);
  return queryOptions({
    queryKey: overviewKeys.panels(input),
    queryFn: ({ signal }) => fetchJson<OverviewResponse>("/api/overview", params, signal),
    retry: (count, error) => count < 1 && (error as { status?: number }).status !== 400,
  });
}
