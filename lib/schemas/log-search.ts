import { z } from "zod";
import { fieldMappingSchema } from "@/lib/schemas/field-mapping";
import { sourceNameSchema } from "./log-source";
import { statusClassSchema } from "./status-class";
import { timeRangeParamsSchema } from "./time-range";
import { viewFreshnessSchema } from "./view-freshness";

const token = z.string().trim().min(1).max(128);

export const MAX_PAGE_SIZE = 500;

/** What every unusable page link (truncated, edited, expired point in time) answers. */
export const CURSOR_MESSAGE = "this page link has expired or is damaged; start from the first page";
/** A cursor holds a signed position (about 200 characters), never a point-in-time id. */
export const MAX_CURSOR_LENGTH = 1_024;

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
    status: z.array(statusClassSchema).max(4).default([]),
    size: z.coerce.number().int().min(1, "size is at least 1").max(MAX_PAGE_SIZE, `size is at most ${MAX_PAGE_SIZE}`).default(100),
    order: z.enum(["desc", "asc"]).default("desc"),
    /** The one source the explorer reads; absent reads the first enabled source. */
    source: sourceNameSchema.optional(),
    /** Opaque token from a previous answer's nextCursor/prevCursor; absent for the first page. */
    cursor: z.string().max(MAX_CURSOR_LENGTH, CURSOR_MESSAGE).regex(/^[A-Za-z0-9_-]+$/, CURSOR_MESSAGE).optional(),
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
  /** The log source (Settings) the line was read from; its mapping names the line's fields. */
  sourceName: z.string().optional(),
});

export const histogramSchema = z.object({
  /** fixed_interval of the buckets ("1m") and its length. */
  interval: z.string(),
  intervalMs: z.number(),
  buckets: z.array(z.object({ time: z.number(), count: z.number() })),
});

export const fieldTopValuesSchema = z.object({
  /** The field as the user named it. */
  field: z.string(),
  /** The field counted: the same, or its `.keyword` sub-field when the field is full text. */
  countedField: z.string(),
  /** `label` is how people read a stored value when it differs from it: pino's level 50 as "error". */
  values: z.array(z.object({ value: z.string(), count: z.number(), label: z.string().optional() })),
  /** Matching lines with some other value (beyond the top 10). */
  other: z.number(),
});

export const logPagingSchema = z.object({
  /** 1-based page number and the lines before it. */
  page: z.number(),
  offset: z.number(),
  nextCursor: z.string().nullable(),
  /** null on page 2 too: "previous" from there is the first page, read fresh. */
  prevCursor: z.string().nullable(),
  isFirstPage: z.boolean(),
});

export const logSearchResponseSchema = z.object({
  /** The range read, resolved; on later pages the first page's range, frozen while paging. */
  from: z.string(),
  to: z.string(),
  total: z.number(),
  totalRelation: z.enum(["eq", "gte"]),
  /** The one source these lines come from (the explorer reads one at a time). */
  sourceName: z.string(),
  lines: z.array(logLineSchema),
  paging: logPagingSchema,
  histogram: histogramSchema,
  /** Top values of the sidebar's default fields (service, level, status). */
  topValues: z.array(fieldTopValuesSchema),
  /** Fields the query box searches when a term names none. */
  queryFields: z.array(z.string()),
  redactions: z.number(),
  /** The field mapping the lines were read with, so the table knows ids, stacks and levels. */
  mapping: fieldMappingSchema,
  notices: z.array(z.string()),
  /** How the first page's histogram, total and top values were answered; null on later pages (counted with the page). */
  freshness: viewFreshnessSchema.nullable(),
});

export type LogLine = z.infer<typeof logLineSchema>;
export type LogHistogram = z.infer<typeof histogramSchema>;
export type FieldTopValues = z.infer<typeof fieldTopValuesSchema>;
export type LogPaging = z.infer<typeof logPagingSchema>;
export type LogSearchResponse = z.infer<typeof logSearchResponseSchema>;
