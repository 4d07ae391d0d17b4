import { z } from "zod";
import { sourceNameSchema } from "./log-source";
import { logSearchParamsSchema } from "./log-search";

/** GET /api/logs/fields: the fields of the configured index pattern, for the sidebar and column chooser. */
export const logFieldsParamsSchema = z.object({ source: sourceNameSchema.optional() }).strict();

export const logFieldSchema = z.object({
  name: z.string(),
  /** Several when the pattern's indices disagree ("keyword, long"). */
  type: z.string(),
  /** Whether top values can be counted, directly or through a `.keyword` sub-field. */
  countable: z.boolean(),
  /** Named secret by a redaction rule: shown redacted, never searched or counted. */
  secret: z.boolean().optional(),
});

export const logFieldsResponseSchema = z.object({
  indexPattern: z.string(),
  indexCount: z.number(),
  fields: z.array(logFieldSchema),
  notices: z.array(z.string()),
});

/** GET /api/logs/fields/values: one field's top values under the explorer's filters. */
export const fieldValuesParamsSchema = logSearchParamsSchema
  .omit({ size: true, order: true, cursor: true })
  .extend({ field: z.string().trim().min(1, "field is required").max(256, "field is longer than 256 characters") })
  .strict();

export type LogField = z.infer<typeof logFieldSchema>;
export type LogFieldsResponse = z.infer<typeof logFieldsResponseSchema>;
export type FieldValuesParams = z.infer<typeof fieldValuesParamsSchema>;
