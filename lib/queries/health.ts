import { queryOptions } from "@tanstack/react-query";
import type { HealthResponse } from "@/lib/schemas/health";
import { ApiRequestError } from "./fetch-json";

export const healthKeys = { all: ["health"] as const };

/** Health answers 503 with a full body when something is down; that body is what we show. */
export function healthQueryOptions() {
  return queryOptions({
    queryKey: healthKeys.all,
    queryFn: async ({ signal }): Promise<HealthResponse> => {
      const response = await fetch("/api/health", { signal }).catch(() => {
        throw new ApiRequestError(0, "Triage's server cannot be reached.");
      });
      const body = (await response.json().catch(() => null)) as HealthResponse | { error?: { message: string } } | null;
      if (body && "status" in body) return body;
      throw new ApiRequestError(response.status, body && "error" in body && body.error ? body.error.message : `Health check answered ${response.status}.`);
    },
    refetchInterval: 15_000,
    retry: false,
  });
}
