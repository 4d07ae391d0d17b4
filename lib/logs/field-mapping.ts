import type { FieldMapping } from "@/lib/schemas/field-mapping";
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
  route: "http.route",
  duration: "event.duration",
  durationUnit: "ns",
  errorType: "error.type",
  errorMessage: "error.message",
  errorStack: "error.stack_trace",
  sqlStatement: "db.statement",
  statementFormat: "field",
  userId: "user.id",
  spanId: "span.id",
  parentId: "parent.id",
  correlationIds: ["http.request.id", "trace.id", "transaction.id"],
};

/** Index pattern the demo writes to and the app reads by default. */
export const DEFAULT_INDEX_PATTERN = "logs-triage-*";
