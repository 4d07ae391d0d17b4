import type { IncidentId } from "./incidents";
import type { DemoLogDocument, DemoLogLevel } from "./log-document";
import { levelForStatus } from "./log-document";
import type { Rng } from "./random";
import { DEMO_HOSTS, toRouteTemplate, type DemoService } from "./services";

/** What every line of one request shares. */
export interface RequestContext {
  requestId: string;
  traceId: string;
  environment: string;
  userId?: number;
  clientIp: string;
  userAgent: string;
}

/** One service's span of the request. Times are epoch microseconds. */
export interface Hop {
  service: DemoService;
  host: string;
  spanId: string;
  parentId?: string;
  start: number;
}

export interface LineDetails {
  logger?: string;
  method?: string;
  status?: number;
  path?: string;
  /** The route template the service matched (`/api/users/{id}`). */
  route?: string;
  query?: string;
  full?: string;
  durationUs?: number;
  error?: { type: string; message: string; stack_trace?: string };
  statement?: string;
  authorization?: string;
  /** Gateway lines carry the caller's address and user agent. */
  withClient?: boolean;
}

interface PendingLine {
  at: number;
  hop: Hop;
  level: DemoLogLevel;
  message: string;
  details: LineDetails | undefined;
}

/**
 * Collects the lines of one request while its hops are simulated, then renders them
 * as ECS documents in time order. Rendering last lets the generator shift a whole
 * request so it ends before the anchor.
 */
export class RequestBuilder {
  private readonly lines: PendingLine[] = [];
  readonly incidents = new Set<IncidentId>();

  constructor(
    private readonly rng: Rng,
    readonly ctx: RequestContext,
  ) {}

  openHop(service: DemoService, start: number, parent?: Hop): Hop {
    const hop: Hop = { service, host: this.rng.pick(DEMO_HOSTS[service]), spanId: this.rng.hex(16), start };
    if (parent) hop.parentId = parent.spanId;
    return hop;
  }

  log(hop: Hop, at: number, level: DemoLogLevel, message: string, details?: LineDetails): void {
    this.lines.push({ at: Math.round(at), hop, level, message, details });
  }

  /** A SQL line written when the statement finishes; returns that time. */
  sql(hop: Hop, start: number, statement: string, durationUs: number): number {
    const end = Math.round(start + durationUs);
    const level: DemoLogLevel = statement.startsWith("SELECT") ? "DEBUG" : "INFO";
    const ms = (durationUs / 1000).toFixed(1);
    this.log(hop, end, level, `query took ${ms} ms: ${statement}`, { logger: "db", statement, durationUs: Math.round(durationUs) });
    return end;
  }

  /** The hop's request-completed line, at its end, with the hop's whole duration. */
  complete(hop: Hop, end: number, method: string, path: string, status: number, details?: LineDetails): void {
    const durationUs = Math.round(end - hop.start);
    const message = `${method} ${path} ${status} in ${(durationUs / 1000).toFixed(1)} ms`;
    // Ids in the demo's paths are numeric, so the matched route is the path with them templated.
    this.log(hop, end, levelForStatus(status), message, { logger: "http", ...details, method, path, route: toRouteTemplate(path), status, durationUs });
  }

  lastLineTime(): number {
    let max = -Infinity;
    for (const line of this.lines) if (line.at > max) max = line.at;
    return max;
  }

  /** Renders the lines in time order, shifted by `shiftUs`. */
  documents(shiftUs = 0): DemoLogDocument[] {
    const ordered = this.lines.map((line, index) => ({ line, index }));
    ordered.sort((a, b) => a.line.at - b.line.at || a.index - b.index);
    return ordered.map(({ line }) => this.render(line, shiftUs));
  }

  private render(line: PendingLine, shiftUs: number): DemoLogDocument {
    const { hop, details: d } = line;
    const { ctx } = this;
    const doc: DemoLogDocument = {
      "@timestamp": new Date(Math.floor((line.at + shiftUs) / 1000)).toISOString(),
      log: { level: line.level, logger: d?.logger ?? "app" },
      service: { name: hop.service, environment: ctx.environment },
      host: { name: hop.host },
      message: line.message,
      trace: { id: ctx.traceId },
      transaction: { id: hop.spanId },
      span: { id: hop.spanId },
      http: { request: { id: ctx.requestId } },
    };
    if (hop.parentId) doc.parent = { id: hop.parentId };
    if (d?.method) doc.http.request.method = d.method;
    if (d?.authorization) doc.http.request.headers = { authorization: d.authorization };
    if (d?.status !== undefined) doc.http.response = { status_code: d.status };
    if (d?.route) doc.http.route = d.route;
    if (d?.path) {
      doc.url = { path: d.path };
      if (d.query) doc.url.query = d.query;
      if (d.full) doc.url.full = d.full;
    } else if (d?.full) {
      const url = new URL(d.full);
      doc.url = { path: url.pathname, full: d.full };
      if (url.search) doc.url.query = url.search.slice(1);
    }
    if (d?.durationUs !== undefined) doc.event = { duration: d.durationUs * 1000 };
    if (d?.error) doc.error = d.error;
    if (d?.statement) doc.db = { statement: d.statement, type: "sql" };
    if (ctx.userId !== undefined) doc.user = { id: String(ctx.userId) };
    if (d?.withClient) {
      doc.client = { ip: ctx.clientIp };
      doc.user_agent = { original: ctx.userAgent };
    }
    return doc;
  }
}
