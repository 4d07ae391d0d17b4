import { z } from "zod";
import { fieldMappingSchema } from "@/lib/schemas/field-mapping";
import { sourceNameSchema } from "./log-source";
import { logLineSchema } from "./log-search";

export const MAX_SURROUNDING_LINES = 200;
const count = (side: string) =>
  z.coerce.number().int(`${side} is a whole number`).min(0, `${side} is at least 0`).max(MAX_SURROUNDING_LINES, `${side} is at most ${MAX_SURROUNDING_LINES}`).default(25);

/**
 * The lines around one line, by its engine id. Strict and without an index parameter: the line
 * is looked up within the configured index pattern only.
 */
export const surroundingLinesParamsSchema = z
  .object({
    id: z.string().trim().min(1, "id is required").max(512, "id is too long"),
    before: count("before"),
    after: count("after"),
    source: sourceNameSchema.optional(),
  })
  .strict();

export type SurroundingLinesParams = z.infer<typeof surroundingLinesParamsSchema>;

export const surroundingLineSchema = logLineSchema.extend({
  /** True for the line the neighbours were asked for. */
  anchor: z.boolean(),
});

export const surroundingLinesResponseSchema = z.object({
  anchorId: z.string(),
  /** The anchor's service; neighbours come from it only (null: lines without a service). */
  service: z.string().nullable(),
  /** Oldest first, the anchor among them. */
  lines: z.array(surroundingLineSchema),
  before: z.number().int(),
  after: z.number().int(),
  redactions: z.number(),
  mapping: fieldMappingSchema,
  notices: z.array(z.string()),
});

export type SurroundingLine = z.infer<typeof surroundingLineSchema>;
export type SurroundingLinesResponse = z.infer<typeof surroundingLinesResponseSchema>;
