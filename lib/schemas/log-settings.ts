import { z } from "zod";
import { fieldMappingSchema } from "@/lib/logs/field-mapping";
import { storableText } from "./storable-text";

/**
 * Index patterns are restricted to names and wildcards so no input can address a system
 * index or smuggle a second target (commas, leading dash or dot, path characters).
 */
export const indexPatternSchema = storableText({ max: 255 })
  .min(1, "index pattern is required")
  .regex(/^[a-z0-9][a-z0-9*_\-.]*$/, "index patterns use lower-case letters, digits, * _ - . and must not start with - . or _");

export const logSettingsSchema = z.object({
  indexPattern: indexPatternSchema,
  mapping: fieldMappingSchema,
  /** Fields the explorer's query box searches for a bare term; unset means the mapping's message and error fields. */
  defaultQueryFields: z.array(storableText({ max: 256 }).min(1)).max(50).optional(),
});

export type LogSettings = z.infer<typeof logSettingsSchema>;

export const LOG_SETTINGS_KEY = "logs";

/** An edit carries the version it was made against; a stale version is refused, not merged. */
export const updateLogSettingsSchema = logSettingsSchema.extend({
  version: z.number().int().min(0),
});

export type UpdateLogSettingsInput = z.infer<typeof updateLogSettingsSchema>;

export const logSettingsResponseSchema = logSettingsSchema.extend({ version: z.number().int(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() });
export type LogSettingsResponse = z.infer<typeof logSettingsResponseSchema>;
