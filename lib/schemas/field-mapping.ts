import { z } from "zod";
import { storableText } from "./storable-text";

/** How a level field encodes severity (lib/logs/level-scheme.ts reads and queries each). */
export const LEVEL_SCHEMES = ["names", "pino", "syslog"] as const;
export type LevelScheme = (typeof LEVEL_SCHEMES)[number];

/** Where a source's slow statements are: a statement field, or PostgreSQL server lines in message. */
export const STATEMENT_FORMATS = ["field", "server-log"] as const;
/** Units a duration field can count in. */
export const DURATION_UNITS = ["ns", "us", "ms", "s"] as const;

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
  /**
   * Where slow SQL is read from: "field" (sqlStatement holds the statement, e.g. ECS db.statement or
   * Filebeat's postgresql.log.query) or "server-log" (PostgreSQL's own lines in message, parsed by Triage).
   * Settings saved before slow queries existed read as "field".
   */
  statementFormat: z.enum(STATEMENT_FORMATS).default("field"),
  /** A statement line's duration when not in `duration` (absent: `duration` in `durationUnit`). */
  statementDuration: fieldName().optional(),
  /** Unit of `statementDuration`. */
  statementDurationUnit: z.enum(DURATION_UNITS).optional(),
  userId: fieldName(),
  spanId: fieldName(),
  parentId: fieldName(),
  correlationIds: z.array(fieldName()).min(1),
});

export type FieldMapping = z.infer<typeof fieldMappingSchema>;
