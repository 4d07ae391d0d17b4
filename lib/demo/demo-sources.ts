import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { TEXT_WITH_KEYWORD } from "@/lib/logs/index-template";
import type { DemoLogDocument, DemoLogLevel } from "./log-document";

/**
 * The demo as a real team's logs look: three sources in three shapes.
 * - app: the services' own lines, ECS (what the generator writes);
 * - gateway: the gateway's access lines as pino-http writes them (numeric levels, epoch-ms `time`,
 *   `req`/`res`, `responseTime` in ms), as a Node gateway would ship them;
 * - postgres: PostgreSQL's own server log for the statements it ran slower than
 *   log_min_duration_statement, in Filebeat's postgresql module fields. The orders service tags its
 *   statements with sqlcommenter comments (request_id and W3C traceparent), so those lines join
 *   their request; the other services' statements carry none.
 * The lines are the generator's, only reshaped: the ground truth is the same whichever way they are read.
 */
export const DEMO_SOURCE_NAMES = ["app", "gateway", "postgres"] as const;
export type DemoSourceName = (typeof DEMO_SOURCE_NAMES)[number];

/** Where `npm run demo` writes each source, and the patterns its sources read (the app's is the default, LOGS_INDEX). */
export const DEMO_SOURCE_INDICES: Record<DemoSourceName, string> = { app: "logs-triage-demo", gateway: "gateway-access-demo", postgres: "postgres-server-demo" };
export const DEMO_SOURCE_PATTERNS: Record<DemoSourceName, string> = { app: "logs-triage-*", gateway: "gateway-access-*", postgres: "postgres-server-*" };

/** PostgreSQL logs statements at or over this (log_min_duration_statement). */
export const POSTGRES_LOG_MIN_DURATION_MS = 100;
/** Services whose database driver adds sqlcommenter comments. */
const SQLCOMMENTER_SERVICES = new Set(["orders"]);

const PINO_LEVELS: Record<DemoLogLevel, number> = { DEBUG: 20, INFO: 30, WARN: 40, ERROR: 50, FATAL: 60 };

/** Each source's field mapping, as "Detect mapping" proposes it for these shapes. */
export const DEMO_SOURCE_MAPPINGS: Record<DemoSourceName, FieldMapping> = {
  app: ECS_FIELD_MAPPING,
  gateway: {
    ...ECS_FIELD_MAPPING,
    timestamp: "time",
    level: "level",
    levelScheme: "pino",
    service: "name",
    environment: "env",
    message: "msg",
    status: "res.statusCode",
    method: "req.method",
    path: "req.url",
    route: "route",
    duration: "responseTime",
    durationUnit: "ms",
    errorType: "err.type",
    errorMessage: "err.message",
    errorStack: "err.stack",
    userId: "user_id",
    spanId: "span_id",
    parentId: "parent_id",
    correlationIds: ["req.id", "trace_id"],
  },
  postgres: { ...ECS_FIELD_MAPPING, sqlStatement: "postgresql.log.query", correlationIds: ["trace.id"] },
};

/**
 * How each source's indices map its own fields beyond the ECS template's: what a team shipping
 * these loggers sets up (pino's epoch-ms `time` as a date, response times as fractions).
 */
export const DEMO_SOURCE_TEMPLATE_FIELDS: Record<DemoSourceName, Record<string, Record<string, unknown>>> = {
  app: {},
  gateway: {
    time: { type: "date", format: "epoch_millis" },
    level: { type: "integer" },
    msg: TEXT_WITH_KEYWORD,
    "res.statusCode": { type: "long" },
    responseTime: { type: "double" },
    "err.message": TEXT_WITH_KEYWORD,
    "err.stack": { type: "text" },
  },
  postgres: {
    "@timestamp": { type: "date" },
    message: TEXT_WITH_KEYWORD,
    "event.duration": { type: "long" },
    "postgresql.log.query": { type: "text", fields: { keyword: { type: "keyword", ignore_above: 4096 } } },
  },
};

/**
 * Whether a source's template declares Triage's ECS fields. Only the app's lines use them all: a
 * declared but empty field (db.statement next to PostgreSQL's postgresql.log.query) shows in
 * `_field_caps`, and Detect mapping would propose it.
 */
export const DEMO_SOURCE_HAS_ECS: Record<DemoSourceName, boolean> = { app: true, gateway: false, postgres: false };

export interface SourceDocument {
  source: DemoSourceName;
  document: Record<string, unknown>;
}

/** Where one generated line goes: the gateway's lines to the gateway source, slow statements also to PostgreSQL's log. */
export function toSourceDocuments(doc: DemoLogDocument): SourceDocument[] {
  if (doc.service.name === "gateway") return [{ source: "gateway", document: toPinoHttpLine(doc) }];
  const out: SourceDocument[] = [{ source: "app", document: doc as unknown as Record<string, unknown> }];
  const statementMs = doc.db && doc.event ? doc.event.duration / 1e6 : 0;
  if (doc.db && statementMs >= POSTGRES_LOG_MIN_DURATION_MS) out.push({ source: "postgres", document: toPostgresLine(doc, statementMs) });
  return out;
}

function toPinoHttpLine(doc: DemoLogDocument): Record<string, unknown> {
  const url = doc.url ? `${doc.url.path}${doc.url.query ? `?${doc.url.query}` : ""}` : undefined;
  const line: Record<string, unknown> = {
    level: PINO_LEVELS[doc.log.level],
    time: Date.parse(doc["@timestamp"]),
    pid: 1,
    hostname: doc.host.name,
    name: doc.service.name,
    env: doc.service.environment,
    msg: doc.message,
    trace_id: doc.trace.id,
    span_id: doc.span.id,
    req: {
      id: doc.http.request.id,
      ...(doc.http.request.method ? { method: doc.http.request.method } : {}),
      ...(url ? { url } : {}),
      ...(doc.http.request.headers ? { headers: doc.http.request.headers } : {}),
      ...(doc.client ? { remoteAddress: doc.client.ip } : {}),
    },
  };
  // The gateway adds its router's matched template through pino-http's customProps.
  if (doc.http.route) line.route = doc.http.route;
  if (doc.parent) line.parent_id = doc.parent.id;
  if (doc.http.response) line.res = { statusCode: doc.http.response.status_code };
  if (doc.event) line.responseTime = Math.round(doc.event.duration / 1e3) / 1e3;
  if (doc.user) line.user_id = doc.user.id;
  if (doc.error) line.err = { type: doc.error.type, message: doc.error.message, ...(doc.error.stack_trace ? { stack: doc.error.stack_trace } : {}) };
  return line;
}

function toPostgresLine(doc: DemoLogDocument, durationMs: number): Record<string, unknown> {
  const comment = SQLCOMMENTER_SERVICES.has(doc.service.name)
    ? ` /*request_id='${encodeURIComponent(doc.http.request.id)}',traceparent='00-${doc.trace.id}-${doc.span.id}-01'*/`
    : "";
  const query = `${doc.db!.statement}${comment}`;
  const started = new Date(Date.parse(doc["@timestamp"]));
  return {
    "@timestamp": doc["@timestamp"],
    message: `${started.toISOString().replace("T", " ").replace("Z", " UTC")} [${4_000 + (doc.span.id.charCodeAt(0) % 100)}] LOG:  duration: ${durationMs.toFixed(3)} ms  statement: ${query}`,
    log: { level: "LOG" },
    service: { name: "postgresql", type: "postgresql", environment: doc.service.environment },
    event: { duration: doc.event!.duration, module: "postgresql", dataset: "postgresql.log" },
    postgresql: { log: { query, database: "shop", query_step: "statement" } },
    user: { name: "shop_app" },
  };
}
