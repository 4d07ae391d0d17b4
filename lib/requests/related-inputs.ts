import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { findEntryLine, readString, readTimedLines, type RequestLogInput } from "./read-log-fields";

export interface Endpoint {
  method: string;
  path: string;
}

/** What the related-requests searches need to know about a request, read from its own lines. */
export interface RequestFacts {
  /** Distinct user ids in time order. */
  userIds: string[];
  /** Distinct method + path of its request lines (every hop it went through). */
  endpoints: Endpoint[];
  /** The entry hop's method + path, when the entry line names both. */
  entry: Endpoint | null;
  startMs: number | null;
  endMs: number | null;
}

export function readRequestFacts(inputs: readonly RequestLogInput[], mapping: FieldMapping): RequestFacts {
  const { timed } = readTimedLines(inputs, mapping);
  const userIds: string[] = [];
  const endpoints: Endpoint[] = [];
  let startMs: number | null = null;
  let endMs: number | null = null;
  for (const line of timed) {
    const user = readString(line.source, mapping.userId);
    if (user && !userIds.includes(user)) userIds.push(user);
    if (line.isRequest && line.method && line.path && !endpoints.some((e) => e.method === line.method && e.path === line.path)) {
      endpoints.push({ method: line.method, path: line.path });
    }
    const start = line.durationMs === null ? line.time : line.time - line.durationMs;
    if (startMs === null || start < startMs) startMs = start;
    if (endMs === null || line.time > endMs) endMs = line.time;
  }
  const entryLine = findEntryLine(timed);
  const entry = entryLine?.method && entryLine.path ? { method: entryLine.method, path: entryLine.path } : null;
  return { userIds, endpoints, entry, startMs, endMs };
}

export interface RelatedHints {
  user?: string;
  method?: string;
  path?: string;
  /** The time the user came from: the centre of the hinted same-user search. */
  around?: Date;
}

/** How far `around` may lie outside the request's own span and still centre its same-user search. */
export const AROUND_TOLERANCE_MS = 60_000;

/** Which hinted searches the hints allow before any line is read (the first round trip). */
export function hintedSearches(hints: RelatedHints): { user: string | null; endpoint: Endpoint | null } {
  return {
    user: hints.around && hints.user ? hints.user : null,
    endpoint: hints.method && hints.path ? { method: hints.method, path: hints.path } : null,
  };
}

/**
 * Checks the hints against the request's lines. A hinted user is kept when a line carries it and
 * `around` lies within the request (± a minute); a hinted endpoint when the request went through it.
 * Anything else is replaced by what the lines say: their first user, the entry hop's endpoint.
 */
export function settleRelatedInputs(
  hints: RelatedHints,
  facts: RequestFacts,
): { user: { value: string; at: Date; hinted: boolean } | null; endpoint: { value: Endpoint; hinted: boolean } | null } {
  const hinted = hintedSearches(hints);
  const aroundFits =
    hints.around !== undefined &&
    facts.startMs !== null &&
    facts.endMs !== null &&
    hints.around.getTime() >= facts.startMs - AROUND_TOLERANCE_MS &&
    hints.around.getTime() <= facts.endMs + AROUND_TOLERANCE_MS;
  const userOk = hinted.user !== null && aroundFits && facts.userIds.includes(hinted.user);
  const endpointOk = hinted.endpoint !== null && facts.endpoints.some((e) => e.method === hinted.endpoint?.method && e.path === hinted.endpoint.path);

  let user: { value: string; at: Date; hinted: boolean } | null = null;
  if (userOk && hinted.user && hints.around) user = { value: hinted.user, at: hints.around, hinted: true };
  else if (facts.userIds[0] && facts.startMs !== null) user = { value: facts.userIds[0], at: new Date(facts.startMs), hinted: false };

  let endpoint: { value: Endpoint; hinted: boolean } | null = null;
  if (endpointOk && hinted.endpoint) endpoint = { value: hinted.endpoint, hinted: true };
  else if (facts.entry) endpoint = { value: facts.entry, hinted: false };
  return { user, endpoint };
}
