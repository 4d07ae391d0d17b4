import { z } from "zod";
import { fieldMappingSchema } from "@/lib/logs/field-mapping";

/**
 * Index patterns are restricted to names and wildcards so no input can address a system
 * index or smuggle a second target (commas, leading dash or dot, path characters).
 */
export const indexPatternSchema = z
  .string()
  .trim()
  .min(1, "index pattern is required")
  .max(255)
  .regex(/^[a-z0-9][a-z0-9*_\-.]*$/, "index patterns use lower-case letters, digits, * _ - . and must not start with - . or _");

export const logSettingsSchema = z.object({
  indexPattern: indexPatternSchema,
  mapping: fieldMappingSchema,
  /** Fields the explorer's query box searches for a bare term; unset means the mapping's message and error fields. */
  defaultQueryFields: z.array(z.string().trim().min(1).max(256)).max(50).optional(),
});

export type LogSettings = z.infer<typeof logSettingsSchema>;


