/** One demo log line, written with ECS field names as nested objects. */
export type DemoLogDocument = {
  "@timestamp": string;
  log: { level: DemoLogLevel; logger: string };
  service: { name: string; environment: string };
  host: { name: string };
  message: string;
  trace: { id: string };
  transaction: { id: string };
  span: { id: string };
  parent?: { id: string };
  http: {
    request: { id: string; method?: string; headers?: { authorization: string } };
    response?: { status_code: number };
    /** The matched route template, as OpenTelemetry-instrumented frameworks log it. */
    route?: string;
  };
  url?: { path: string; query?: string; full?: string };
  event?: { duration: number };
  error?: { type: string; message: string; stack_trace?: string };
  db?: { statement: string; type: "sql" };
  user?: { id: string };
  client?: { ip: string };
  user_agent?: { original: string };
};

export type DemoLogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL";

/** A request line is one that has a status code (DESIGN.md). */
export function isRequestLine(doc: DemoLogDocument): boolean {
  return doc.http.response !== undefined;
}

/** Error lines are level ERROR or FATAL, case-insensitively (DESIGN.md). */
export function isErrorLine(doc: DemoLogDocument): boolean {
  const level = doc.log.level.toUpperCase();
  return level === "ERROR" || level === "FATAL";
}

export function levelForStatus(status: number): DemoLogLevel {
  if (status >= 500) return "ERROR";
  if (status >= 400) return "WARN";
  return "INFO";
}

export function timestampOf(doc: DemoLogDocument): number {
  return Date.parse(doc["@timestamp"]);
}
