import { queryOptions } from "@tanstack/react-query";
import type { SurroundingLinesResponse } from "@/lib/schemas/surrounding-lines";
import { fetchJson } from "./fetch-json";

export interface SurroundingLinesInput {
  id: string;
  before: number;
  after: number;
  /** The source the line was read from, so its neighbours come from the same one. */
  source?: string;
}

export const surroundingKeys = {
  all: ["logs", "surrounding"] as const,
  lines: (input: SurroundingLinesInput) => [...surroundingKeys.all, input] as const,
};

export function surroundingLinesQueryOptions(input: SurroundingLinesInput) {
  const params = new URLSearchParams({ id: input.id, before: String(input.before), after: String(input.after) });
  if (input.source) params.set("source", input.source);
  return queryOptions({
    queryKey: surroundingKeys.lines(input),
    queryFn: ({ signal }) => fetchJson<SurroundingLinesResponse>("/api/logs/surrounding", params, signal),
    // Neighbours of a stored line do not change while it is open.
    staleTime: 60_000,
    retry: (count, error) => count < 1 && ![400, 404].includes((error as { status?: number }).status ?? 0),
  });
}
