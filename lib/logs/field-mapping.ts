import { z } from "zod";
import { LEVEL_SCHEMES } from "./level-scheme";

/**
 * The concepts of DESIGN.md's log schema and the field that holds each one.
 * Defaults follow ECS; users whose logs use other names override them in settings.
 */
export const fieldMappingSchema = z.object({
  timestamp: z.string().min(1),
  level: z.string().min(1),
  /** How the level field encodes severity; settings saved before the scheme existed read as names. */
  levelScheme: z.enum(LEVEL_SCHEMES).default("names"),
  service: z.string().min(1),
  environment: z.string().min(1),
  message: z.string().min(1),
  status: z.string().min(1),
  method: z.string().min(1),
  path: z.string().min(1),
  duration: z.string().min(1),
  /** "ns" for ECS event.duration; "ms" for duration_ms / latency_ms style fields. */
  durationUnit: z.enum(["ns", "ms"]),
  errorType: z.string().min(1),
  errorMessage: z.string().min(1),
  errorStack: z.string().min(1),
  sqlStatement: z.string().min(1),
  userId: z.string().min(1),
  spanId: z.string().min(1),
  parentId: z.string().min(1),
  correlationIds: z.array(z.string().min(1)).min(1),
});

export type FieldMapping = z.infer<typeof fieldMappingSchema>;

export const ECS_FIELD_MAPPING: FieldMapping = {
  timestamp: "@timestamp",
  level: "log.level",
  levelScheme: "names",
  service: "service.name",
  environment: "service.environment",
  message: "message",
  status: "http.response.status_code",
  method: "http.request.method",
  path: "url.path",
  duration: "event.duration",
  durationUnit: "ns",
  errorType: "error.type",
  errorMessage: "error.message",
  errorStack: "error.stack_trace",
  sqlStatement: "db.statement",
  userId: "user.id",
  spanId: "span.id",
  parentId: "parent.id",
  correlationIds: ["http.request.id", "trace.id", "transaction.id"],
};

/** Index pattern the demo writes to and the app reads by default. */
export const DEFAULT_INDEX_PATTERN = "logs-triage-*";
