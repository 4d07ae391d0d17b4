import { z } from "zod";
import { fieldMappingSchema } from "@/lib/schemas/field-mapping";
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


