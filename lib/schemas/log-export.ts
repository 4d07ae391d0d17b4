import { z } from "zod";
import { LOG_SEARCH_ARRAY_KEYS, logSearchParamsSchema } from "./log-search";

export const EXPORT_FORMATS = ["ndjson", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Dotted field names, as the table's extra columns use them; nothing that could address an index. */
const columnName = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9_@][A-Za-z0-9_@.\-]*$/, "columns are field names: letters, digits, _ @ . -");

/**
 * The explorer's filters (the same parameters as /api/logs/search, so an export is exactly
 * what the user sees) plus the format, an optional line limit and extra CSV columns. The
 * server's EXPORT_MAX_LINES caps `limit`.
 */
export const logExportParamsSchema = logSearchParamsSchema
  // Picked, not omitted: paging parameters the explorer adds (size, cursor) mean nothing here.
  .pick({ from: true, to: true, q: true, service: true, environment: true, level: true, status: true, order: true, source: true })
  .extend({
    format: z.enum(EXPORT_FORMATS).default("ndjson"),
    limit: z.coerce.number().int("limit is a whole number").min(1, "limit is at least 1").optional(),
    columns: z.array(columnName).max(50, "at most 50 columns").default([]),
  })
  .strict();

export type LogExportParams = z.infer<typeof logExportParamsSchema>;
export const LOG_EXPORT_ARRAY_KEYS = [...LOG_SEARCH_ARRAY_KEYS, "columns"];

/** Response headers that say how complete the file is (they arrive before the body). */
export const EXPORT_HEADERS = {
  total: "x-triage-export-total",
  lines: "x-triage-export-lines",
  truncated: "x-triage-export-truncated",
} as const;
