import type { FieldMapping } from "@/lib/schemas/field-mapping";
import type { RequestDrilldownWindow } from "@/lib/schemas/request-drilldown";
import { describeCorrelationIdProblem } from "./correlation-id";
import { readNumber, readString, type LogSource } from "./read-log-fields";

/** What the line a user clicked says about its request; see requestDrilldownQuerySchema. */
export interface RequestLinkHints {
  user?: string | null;
  method?: string | null;
  path?: string | null;
}

const METHOD = /^[A-Za-z]{1,16}$/;

/**
 * The hints one log line carries: its user, and its endpoint when it is a request line (has a
 * status), since only those name a hop the request went through.
 */
export function requestLinkHints(source: LogSource, mapping: FieldMapping): RequestLinkHints {
  const isRequest = readNumber(source, mapping.status) !== null;
  return {
    user: readString(source, mapping.userId),
    method: isRequest ? readString(source, mapping.method) : null,
    path: isRequest ? readString(source, mapping.path) : null,
  };
}

/** An ISO instant for `around`: ISO strings and epoch milliseconds both become ISO; anything else is dropped. */
export function normalizeAround(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  const ms = typeof value === "number" || /^\d{10,}$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * The drilldown URL of one correlation id. Hints that the API would refuse (too long, not a
 * method) are left out rather than turning the link into a 400.
 */
export function requestDrilldownHref(id: string, options: { around?: string | number | null; window?: RequestDrilldownWindow; hints?: RequestLinkHints } = {}): string {
  const params = new URLSearchParams();
  const around = normalizeAround(options.around);
  if (around) params.set("around", around);
  if (options.window) params.set("window", options.window);
  const { user, method, path } = options.hints ?? {};
  if (user && user.trim() !== "" && user.length <= 256) params.set("user", user);
  if (method && METHOD.test(method) && path && path.trim() !== "" && path.length <= 2048) {
    params.set("method", method);
    params.set("path", path);
  }
  const query = params.toString();
  return `/requests/${encodeURIComponent(id)}${query ? `?${query}` : ""}`;
}

/** True when the id can be looked up (the same rule as the API's 400). */
export function isLinkableCorrelationId(id: string): boolean {
  return describeCorrelationIdProblem(id.trim()) === null;
}

/**
 * The `[id]` segment as the user typed it. Next 16 hands pages the segment still percent-encoded
 * ("req-1%07bell"), while route handlers get it decoded; a malformed escape is kept as is.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
