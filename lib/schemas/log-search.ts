import { z } from "zod";
import { fieldMappingSchema } from "@/lib/logs/field-mapping";
import { timeRangeParamsSchema } from "./time-range";

const token = z.string().trim().min(1).max(128);

export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;
export const MAX_PAGE_SIZE = 500;

/**
 * The log explorer's query. Strict: an unknown parameter (say `index` or `script`) is a
 * 400, so no request can aim at another index or smuggle engine features.
 */
export const logSearchParamsSchema = timeRangeParamsSchema
  .extend({
    q: z.string().max(4000, "the query is longer than 4,000 characters").default(""),
    service: z.array(token).max(50).default([]),
    environment: z.array(token).max(20).default([]),
    level: z.array(token).max(10).default([]),
    status: z.array(z.enum(STATUS_CLASSES)).max(4).default([]),
    size: z.coerce.number().int().min(1, "size is at least 1").max(MAX_PAGE_SIZE, `size is at most ${MAX_PAGE_SIZE}`).default(100),
    order: z.enum(["desc", "asc"]).default("desc"),
  })
  .strict();

export type LogSearchParams = z.infer<typeof logSearchParamsSchema>;
export const LOG_SEARCH_ARRAY_KEYS = ["service", "environment", "level", "status"];

export const logLineSchema = z.object({
  id: z.string(),
  index: z.string(),
  timestamp: z.string().nullable(),
  service: z.string().nullable(),
  level: z.string().nullable(),
  message: z.string().nullable(),
  /** Every field of the line, secrets redacted. */
  source: z.record(z.string(), z.unknown()),
});

export const logSearchResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  totalRelation: z.enum(["eq", "gte"]),
  lines: z.array(logLineSchema),
  redactions: z.number(),
  /** The field mapping the lines were read with, so the table knows ids, stacks and levels. */
  mapping: fieldMappingSchema,
  notices: z.array(z.string()),
});

export type LogLine = z.infer<typeof logLineSchema>;
export type LogSearchResponse = z.infer<typeof logSearchResponseSchema>;
