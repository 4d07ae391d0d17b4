import type { MappingConcept } from "@/lib/schemas/field-mapping-proposal";
import type { FieldMapping } from "@/lib/schemas/field-mapping";

/** What a concept is used for decides which types serve it. */
export type Kind = "time" | "number" | "keyword" | "text";

export type SingleConcept = Exclude<MappingConcept, "correlationIds" | "duration" | "statementDuration">;

/**
 * DESIGN.md's log-schema table: the ECS name first, then the names common loggers write. The
 * comments say who writes what, so a name is never here by guess:
 * pino (+ pino-http), bunyan, winston's JSON format, pino with @elastic/ecs-pino-format (ECS, flat
 * dotted keys), zap and logrus, logstash-logback-encoder, and OpenTelemetry logs as the
 * Elasticsearch exporter writes them.
 */
export const SINGLE_CONCEPTS: ReadonlyArray<{ concept: SingleConcept; kind: Kind; candidates: string[] }> = [
  // @timestamp: ECS, ecs-pino-format, logstash-logback, OTel; timestamp: winston; time: pino (epoch ms), bunyan, logrus; ts: zap (epoch s).
  { concept: "timestamp", kind: "time", candidates: ["@timestamp", "timestamp", "time", "ts"] },
  // level: pino/bunyan (numbers), winston, zap, logrus, logback (names); severity_text: OTel.
  { concept: "level", kind: "keyword", candidates: ["log.level", "level", "severity", "severity_text", "levelname"] },
  // name: pino's and bunyan's logger name, which is the service in practice; resource.attributes.*: OTel.
  { concept: "service", kind: "keyword", candidates: ["service.name", "resource.attributes.service.name", "service", "app", "name"] },
  { concept: "environment", kind: "keyword", candidates: ["service.environment", "resource.attributes.deployment.environment", "deployment.environment", "env", "environment"] },
  // msg: pino, bunyan, zap, logrus; body / body.text: OTel.
  { concept: "message", kind: "text", candidates: ["message", "msg", "body.text", "body"] },
  // res.statusCode: pino-http and bunyan's res serializer.
  { concept: "status", kind: "number", candidates: ["http.response.status_code", "status", "status_code", "res.statusCode", "statusCode"] },
  // req.method / req.url: pino-http and bunyan's req serializer (the url keeps its query string).
  { concept: "method", kind: "keyword", candidates: ["http.request.method", "method", "req.method"] },
  // A raw URL before `route`: where a log has both, `route` is the template (below), not the path.
  { concept: "path", kind: "keyword", candidates: ["url.path", "path", "req.url", "route"] },
  // The matched route template: http.route in OpenTelemetry's semantic conventions (attributes.* as
  // the Elasticsearch exporter nests them); url.template is OpenTelemetry's client-side name.
  // `route`: what a Node gateway adds to pino-http's line from its router (customProps).
  { concept: "route", kind: "keyword", candidates: ["http.route", "attributes.http.route", "url.template", "route"] },
  // err.type: pino's err serializer; err.name: bunyan's.
  { concept: "errorType", kind: "keyword", candidates: ["error.type", "exception.type", "err.type", "err.name"] },
  { concept: "errorMessage", kind: "text", candidates: ["error.message", "exception.message", "err.message"] },
  // stack_trace: logstash-logback; stack: winston's errors(); stacktrace: zap; err.stack: pino, bunyan.
  { concept: "errorStack", kind: "text", candidates: ["error.stack_trace", "stack_trace", "stack", "stacktrace", "exception.stacktrace", "err.stack"] },
  { concept: "sqlStatement", kind: "text", candidates: ["db.statement", "postgresql.log.query", "query"] },
  { concept: "userId", kind: "keyword", candidates: ["user.id", "user_id"] },
  // span_id: OTel, zap/logrus tracing hooks.
  { concept: "spanId", kind: "keyword", candidates: ["span.id", "span_id"] },
  { concept: "parentId", kind: "keyword", candidates: ["parent.id", "parent_id"] },
];

/** responseTime: pino-http, in milliseconds. */
export const DURATION_CANDIDATES: ReadonlyArray<{ field: string; unit: FieldMapping["durationUnit"] }> = [
  { field: "event.duration", unit: "ns" },
  { field: "duration_ms", unit: "ms" },
  { field: "latency_ms", unit: "ms" },
  { field: "responseTime", unit: "ms" },
];

/** A SQL line's own duration: Filebeat's PostgreSQL module and ECS write event.duration (ns). */
export const STATEMENT_DURATION_CANDIDATES: ReadonlyArray<{ field: string; unit: NonNullable<FieldMapping["statementDurationUnit"]> }> = [
  { field: "event.duration", unit: "ns" },
  { field: "db.duration_ms", unit: "ms" },
  { field: "duration_ms", unit: "ms" },
  { field: "query_time_ms", unit: "ms" },
];

/** req_id: bunyan; req.id: pino-http; trace_id: OTel, zap/logrus tracing hooks. */
export const CORRELATION_CANDIDATES = ["http.request.id", "trace.id", "transaction.id", "request_id", "req_id", "req.id", "x_request_id", "correlation_id", "trace_id"];

/** Every name worth asking `_field_caps` about, with the `.keyword` sub-fields of dynamic mappings. */
// A name may serve two concepts (`route`: a path where nothing better exists, and the template): asked once.
export const FIELD_CAPS_CANDIDATES: readonly string[] = [
  ...new Set([...SINGLE_CONCEPTS.flatMap((c) => c.candidates), ...DURATION_CANDIDATES.map((c) => c.field), ...STATEMENT_DURATION_CANDIDATES.map((c) => c.field), ...CORRELATION_CANDIDATES].flatMap((field) => [field, `${field}.keyword`])),
];

/** The fields a mapping names: asked about too, so a concept with no usual name can keep a current field the index has. */
export function mappedFields(mapping: FieldMapping): string[] {
  return [...SINGLE_CONCEPTS.map(({ concept }) => mapping[concept]), mapping.duration, ...mapping.correlationIds];
}
