import "server-only";
import { stripUrlCredentials, stripUrlCredentialsInText } from "@/lib/security/strip-url-credentials";
import { LogStoreQueryError, LogStoreUnavailableError, PointInTimeGoneError, PointInTimeRefusedError } from "./types";

/** Who failed, for messages such as "Elasticsearch at http://127.0.0.1:9200 is unreachable: ...". */
export interface EngineContext {
  label: string;
  url: string;
  requestTimeoutMs: number;
}

interface EngineErrorBody {
  type?: string;
  reason?: string;
  root_cause?: EngineErrorBody[];
  caused_by?: EngineErrorBody;
  failed_shards?: { reason?: EngineErrorBody }[];
}

/**
 * The engine's own words: the root cause, plus the deepest nested reason when it adds detail
 * (for query_string errors that is the parser's "Cannot parse ...: Encountered ...").
 */
export function describeEngineError(error: unknown): string {
  if (typeof error === "string") return error;
  const body = (error ?? {}) as EngineErrorBody;
  const base = body.root_cause?.[0]?.reason ?? body.reason ?? body.type ?? "unknown error";
  let detail: EngineErrorBody | undefined = body.failed_shards?.[0]?.reason?.caused_by ?? body.caused_by;
  while (detail?.caused_by && !detail.reason) detail = detail.caused_by;
  const extra = detail?.reason;
  return extra && !base.includes(extra) ? `${base}: ${extra}` : base;
}

/**
 * How the engines refuse a point-in-time id they cannot use: Elasticsearch 404s an expired one and
 * 400s a damaged one; OpenSearch does the same but answers some damaged ids with a 500. Overload
 * (429) and unavailability (502-504) stay outages.
 */
function isPointInTimeRefusal(status: number): boolean {
  return status === 400 || status === 404 || status === 500;
}

// A refused query inside a point-in-time search is still the query's fault, not an expired page.
const QUERY_FAULT = /query_shard_exception|parsing_exception|Failed to parse query|Cannot parse/;

function isQueryFault(body: unknown): boolean {
  return QUERY_FAULT.test(typeof body === "string" ? body : JSON.stringify(body ?? ""));
}

/** What the call was: a search that reads a point in time, or the request that opens one. */
export interface EngineRequestKind {
  pointInTime?: boolean;
  openingPointInTime?: boolean;
}

/** Maps an error body with its HTTP status to the port's error classes. */
export function errorFromEngineResponse(context: EngineContext, status: number, body: unknown, request?: EngineRequestKind): Error {
  const reason = stripUrlCredentialsInText(describeEngineError(body));
  const where = `${context.label} at ${stripUrlCredentials(context.url)}`;
  // Refusing a new point in time is an answer, not an outage: credentials aside, callers may read on without one.
  if (request?.openingPointInTime && status !== 401 && status !== 403) return new PointInTimeRefusedError(`${where} would not open a point in time (HTTP ${status}): ${reason}`);
  if (request?.pointInTime && isPointInTimeRefusal(status) && !isQueryFault(body)) return new PointInTimeGoneError(`the point in time is gone (HTTP ${status}): ${reason}`);
  if (status === 401) return new LogStoreUnavailableError(`${where} refused the credentials (HTTP 401): ${reason}`);
  if (status === 403) return new LogStoreUnavailableError(`${where} denied access (HTTP 403): ${reason}`);
  if (status === 408 || status === 429 || status >= 500) return new LogStoreUnavailableError(`${where} failed (HTTP ${status}): ${reason}`);
  return new LogStoreQueryError(reason);
}

interface ClientError {
  name?: string;
  message?: string;
  meta?: { statusCode?: number | null; body?: unknown };
}

/**
 * Converts either official client's errors (both name them the same way) into the port's errors.
 * An aborted call rethrows the signal's reason, so callers can tell "cancelled" from "failed".
 */
export function toLogStoreError(context: EngineContext, error: unknown, signal?: AbortSignal, request?: EngineRequestKind): unknown {
  if (error instanceof LogStoreQueryError || error instanceof LogStoreUnavailableError) return error;
  if (signal?.aborted) return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
  const clientError = (error ?? {}) as ClientError;
  // Client messages may quote the node's URL, credentials and all.
  const clientMessage = clientError.message === undefined ? undefined : stripUrlCredentialsInText(clientError.message);
  const where = `${context.label} at ${stripUrlCredentials(context.url)}`;
  switch (clientError.name) {
    case "ResponseError": {
      const body = clientError.meta?.body as { error?: unknown } | string | undefined;
      const engineError = typeof body === "object" && body !== null ? (body.error ?? body) : body;
      return errorFromEngineResponse(context, clientError.meta?.statusCode ?? 500, engineError ?? clientMessage, request);
    }
    case "ConnectionError":
    case "NoLivingConnectionsError":
      return new LogStoreUnavailableError(`${where} is unreachable: ${clientMessage}`, { cause: error });
    case "TimeoutError":
      return new LogStoreUnavailableError(`${where} did not answer within ${context.requestTimeoutMs} ms`, { cause: error });
    case "RequestAbortedError":
      return new DOMException("The operation was aborted", "AbortError");
    case "ProductNotSupportedError":
      return new LogStoreUnavailableError(`${where} is not a supported ${context.label} server: ${clientMessage}`, { cause: error });
    default:
      return new LogStoreUnavailableError(`${where} failed: ${clientMessage ?? stripUrlCredentialsInText(String(error))}`, { cause: error });
  }
}
