import { z } from "zod";
import { storableText } from "./storable-text";

/** How a level field encodes severity (lib/logs/level-scheme.ts reads and queries each). */
export const LEVEL_SCHEMES = ["names", "pino", "syslog"] as const;
export type LevelScheme = (typeof LEVEL_SCHEMES)[number];

// Field names are saved with the settings (jsonb), so they are storable text.
const fieldName = () => storableText({ max: 256 }).min(1);

/**
 * The concepts of DESIGN.md's log schema and the field that holds each one.
 * Defaults follow ECS; users whose logs use other names override them in settings.
 */
export const fieldMappingSchema = z.object({
  timestamp: fieldName(),
  level: fieldName(),
  /** How the level field encodes severity; settings saved before the scheme existed read as names. */
  levelScheme: z.enum(LEVEL_SCHEMES).default("names"),
  service: fieldName(),
  environment: fieldName(),
  message: fieldName(),
  status: fieldName(),
  method: fieldName(),
  path: fieldName(),
  /**
   * The matched route template (OpenTelemetry's `http.route`: `/api/users/{id}`). Where lines carry
   * one, top endpoints are grouped by the engine; lines without one are grouped by their path.
   */
  route: fieldName().default("http.route"),
  duration: fieldName(),
  /** "ns" for ECS event.duration; "ms" for duration_ms / latency_ms style fields. */
  durationUnit: z.enum(["ns", "ms"]),
  errorType: fieldName(),
  errorMessage: fieldName(),
  errorStack: fieldName(),
  sqlStatement: fieldName(),
  userId: fieldName(),
  spanId: fieldName(),
  parentId: fieldName(),
  correlationIds: z.array(fieldName()).min(1),
});

export type FieldMapping = z.infer<typeof fieldMappingSchema>;
