import { mutationOptions, queryOptions } from "@tanstack/react-query";
import type { ExplainRequest, ExplainResponse, TargetDatabaseSummary } from "@/lib/schemas/explain";
import type { FingerprintDetail, SlowQueriesResponse, SlowQuerySort } from "@/lib/schemas/slow-queries";
import { fetchJson } from "./fetch-json";
import { postJson } from "./send-json";

/** What the panel sends; defaults (analyze off, no services) may be left out. */
export type ExplainRequestInput = Partial<ExplainRequest> & { statement: string };

export interface SlowQueriesInput {
  from: string;
  to: string;
  /** Null: the configured default threshold. */
  threshold: number | null;
  sort: SlowQuerySort;
  service: string[];
  source: string[];
}

export type FingerprintInput = Omit<SlowQueriesInput, "sort"> & { fingerprint: string };

export const slowQueryKeys = {
  all: ["slow-queries"] as const,
  list: (input: SlowQueriesInput) => [...slowQueryKeys.all, "list", input] as const,
  detail: (input: FingerprintInput) => [...slowQueryKeys.all, "detail", input] as const,
};

function rangeParams(input: Omit<SlowQueriesInput, "sort">): URLSearchParams {
  const params = new URLSearchParams({ from: input.from, to: input.to });
  if (input.threshold !== null) params.set("threshold", String(input.threshold));
  for (const service of input.service) params.append("service", service);
  for (const source of input.source) params.append("source", source);
  return params;
}

const noRetryOn400 = (count: number, error: Error) => count < 1 && (error as { status?: number }).status !== 400;

/** The panel: every fingerprint row in one request (two engine round trips on the server). */
export function slowQueriesQueryOptions(input: SlowQueriesInput) {
  const params = rangeParams(input);
  params.set("sort", input.sort);
  return queryOptions({
    queryKey: slowQueryKeys.list(input),
    queryFn: ({ signal }) => fetchJson<SlowQueriesResponse>("/api/slow-queries", params, signal),
    retry: noRetryOn400,
  });
}

export function fingerprintQueryOptions(input: FingerprintInput) {
  const { fingerprint, ...rest } = input;
  return queryOptions({
    queryKey: slowQueryKeys.detail(input),
    queryFn: ({ signal }) => fetchJson<FingerprintDetail>(`/api/slow-queries/${encodeURIComponent(fingerprint)}`, rangeParams(rest), signal),
    retry: noRetryOn400,
  });
}

/** EXPLAIN is a POST (it may run the statement with ANALYZE); each click is one mutation, nothing is cached. */
export const explainMutationOptions = () =>
  mutationOptions({
    mutationKey: [...slowQueryKeys.all, "explain"],
    mutationFn: (request: ExplainRequestInput) => postJson<ExplainResponse>("/api/slow-queries/explain", request),
  });

export function targetDatabasesQueryOptions() {
  return queryOptions({
    queryKey: [...slowQueryKeys.all, "targets"],
    queryFn: ({ signal }) => fetchJson<{ targets: TargetDatabaseSummary[] }>("/api/slow-queries/targets", undefined, signal),
    staleTime: 60_000,
  });
}
