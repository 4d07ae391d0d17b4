import { z } from "zod";
import { logSettingsSchema } from "./log-settings";
import { storableText } from "./storable-text";

/**
 * A log source: one index pattern read with its own field mapping, level scheme and correlation
 * fields (the mapping's), so differently shaped logs can be read as they are. Names appear in
 * URLs (`?source=gateway`), so they are short identifiers.
 */
export const sourceNameSchema = storableText({ max: 64 })
  .min(1, "name the source")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "source names use lower-case letters, digits, _ and -, and start with a letter or digit");

export const logSourceInputSchema = logSettingsSchema.extend({
  name: sourceNameSchema,
  enabled: z.boolean().default(true),
});

/** Edits carry the version they were made against; a stale one is refused, never merged. */
export const updateLogSourceSchema = logSourceInputSchema.extend({ version: z.number().int().min(0) });

export const logSourceSchema = logSourceInputSchema.extend({
  /** "default" before any source is saved: the LOGS_INDEX fallback, which has no row yet. */
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const logSourcesResponseSchema = z.object({
  sources: z.array(logSourceSchema),
  /** True while no source is saved and the LOGS_INDEX default is shown. */
  usingDefault: z.boolean(),
  notices: z.array(z.string()),
});

export type LogSourceInput = z.infer<typeof logSourceInputSchema>;
export type UpdateLogSourceInput = z.infer<typeof updateLogSourceSchema>;
export type LogSource = z.infer<typeof logSourceSchema>;
export type LogSourcesResponse = z.infer<typeof logSourcesResponseSchema>;

/** The name of the source that stands in for LOGS_INDEX until an admin saves one. */
export const DEFAULT_SOURCE_NAME = "default";
export const DEFAULT_SOURCE_ID = "default";

/** A source's id in a path: a saved source's uuid, or "default" for the stand-in. */
export const sourceIdParamsSchema = z.object({ id: z.union([z.literal(DEFAULT_SOURCE_ID), z.string().uuid("not a valid source id")]) });
export const deleteLogSourceParamsSchema = z.object({ version: z.coerce.number().int().min(0) }).strict();

export const sourceCheckSchema = z.object({
  id: z.string(),
  name: z.string(),
  indexCount: z.number().int(),
  missing: z.array(z.string()),
  problems: z.array(z.string()),
});
export const sourceChecksResponseSchema = z.object({ checks: z.array(sourceCheckSchema) });
export type SourceCheck = z.infer<typeof sourceCheckSchema>;
export type SourceChecksResponse = z.infer<typeof sourceChecksResponseSchema>;
