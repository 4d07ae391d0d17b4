import type { ExportFormat } from "@/lib/schemas/log-export";
import type { LogExportParams } from "@/lib/schemas/log-export";

/** The explorer view to export: the same filters /api/logs/search takes, plus extra CSV columns. */
export type LogExportFilters = Pick<LogExportParams, "from" | "to"> &
  Partial<Pick<LogExportParams, "q" | "service" | "environment" | "level" | "status" | "order" | "columns" | "limit">> & { source?: string | null };

const ARRAY_KEYS = ["service", "environment", "level", "status", "columns"] as const;

/** The download link for one format; defaults are left out so links stay short and readable. */
export function buildLogExportHref(format: ExportFormat, filters: LogExportFilters): string {
  const params = new URLSearchParams({ format, from: filters.from, to: filters.to });
  if (filters.source) params.set("source", filters.source);
  if (filters.q?.trim()) params.set("q", filters.q);
  for (const key of ARRAY_KEYS) for (const value of filters[key] ?? []) params.append(key, value);
  if (filters.order && filters.order !== "desc") params.set("order", filters.order);
  if (filters.limit) params.set("limit", String(filters.limit));
  return `/api/logs/export?${params.toString()}`;
}
