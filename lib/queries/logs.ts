import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { FieldValuesParams, LogFieldsResponse } from "@/lib/schemas/log-fields";
import type { FieldTopValues, LogSearchParams, LogSearchResponse } from "@/lib/schemas/log-search";
import { fetchJson } from "./fetch-json";

export type LogPageInput = Omit<LogSearchParams, "cursor" | "source"> & { cursor: string | null; source?: string | null };
export type FieldValuesInput = FieldValuesParams;

const FILTER_KEYS = ["service", "environment", "level", "status"] as const;

/** The explorer's filters as API parameters; empty values are left out so keys and URLs stay short. */
export function logFilterParams(input: Omit<FieldValuesParams, "field" | "source"> & { source?: string | null }): URLSearchParams {
  const params = new URLSearchParams({ from: input.from, to: input.to });
  if (input.source) params.set("source", input.source);
  if (input.q.trim()) params.set("q", input.q);
  for (const key of FILTER_KEYS) for (const value of input[key]) params.append(key, value);
  return params;
}

export const logKeys = {
  all: ["logs"] as const,
  page: (input: LogPageInput) => [...logKeys.all, "page", input] as const,
  fields: (source: string | undefined) => [...logKeys.all, "fields", source ?? null] as const,
  fieldValues: (input: FieldValuesInput) => [...logKeys.all, "field-values", input] as const,
};

// Bad input (400) stays bad; an outage gets one more try.
const retryOutagesOnce = (count: number, error: Error) => count < 1 && (error as { status?: number }).status !== 400;

export function logPageQueryOptions(input: LogPageInput) {
  const params = logFilterParams(input);
  params.set("size", String(input.size));
  if (input.order !== "desc") params.set("order", input.order);
  if (input.cursor) params.set("cursor", input.cursor);
  return queryOptions({
    queryKey: logKeys.page(input),
    queryFn: ({ signal }) => fetchJson<LogSearchResponse>("/api/logs/search", params, signal),
    retry: retryOutagesOnce,
    // The table keeps its lines while the next page or filter loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function logFieldsQueryOptions(source?: string) {
  return queryOptions({
    queryKey: logKeys.fields(source),
    queryFn: ({ signal }) => fetchJson<LogFieldsResponse>("/api/logs/fields", source ? new URLSearchParams({ source }) : undefined, signal),
    retry: retryOutagesOnce,
    staleTime: 60_000,
  });
}

export function fieldValuesQueryOptions(input: FieldValuesInput) {
  const params = logFilterParams(input);
  params.set("field", input.field);
  return queryOptions({
    queryKey: logKeys.fieldValues(input),
    queryFn: ({ signal }) => fetchJson<FieldTopValues & { total: number }>("/api/logs/fields/values", params, signal),
    retry: retryOutagesOnce,
  });
}
