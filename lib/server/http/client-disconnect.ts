import "server-only";

// What an abort is called by the fetch standard, both engine clients, and Next when the socket closes.
const ABORT_NAMES = new Set(["AbortError", "RequestAbortedError", "ResponseAborted"]);

/**
 * True when `error` is the request's own signal firing: the caller went away, so there is nobody to
 * answer and nothing went wrong on our side. Follows causes, as the engine adapters and Prisma wrap.
 */
export function isClientDisconnect(error: unknown, signal: AbortSignal): boolean {
  if (!signal.aborted) return false;
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (current === signal.reason) return true;
    const { name, cause, meta } = current as { name?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof name === "string" && ABORT_NAMES.has(name)) return true;
    current = cause ?? meta?.driverAdapterError;
  }
  return false;
}

/** nginx's "client closed request": what the access log shows for an answer nobody received. */
export const CLIENT_CLOSED_REQUEST = 499;
