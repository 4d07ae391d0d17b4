import { queryOptions } from "@tanstack/react-query";
import type { ErrorRateResponse } from "@/lib/schemas/error-rate";
import { fetchJson } from "./fetch-json";

export interface ErrorRateQueryInput {
  from: string;
  to: string;
  service: string[];
}

export const overviewKeys = {
  all: ["overview"] as const,
  errorRate: (input: ErrorRateQueryInput) => [...overviewKeys.all, "error-rate", input] as const,
};

export function errorRateQueryOptions(input: ErrorRateQueryInput) {
  const params = new URLSearchParams({ from: input.from, to: input.to });
  for (const service of input.service) params.append("service", service);
  return queryOptions({
    queryKey: overviewKeys.errorRate(input),
    queryFn: ({ signal }) => fetchJson<ErrorRateResponse>("/api/overview/error-rate", params, signal),
    retry: (count, error) => count < 1 && (error as { status?: number }).status !== 400,
  });
}
