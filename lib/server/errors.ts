import "server-only";
import type { ErrorCode, ErrorEnvelope } from "@/lib/schemas/error-envelope";
import { stripUrlCredentialsInText } from "@/lib/security/strip-url-credentials";
import { LogStoreQueryError, LogStoreUnavailableError } from "./log-store/types";

/** An error whose message is safe and useful to show the user as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) => new ApiError(400, "bad_request", message, fields);
export const unprocessable = (message: string, fields?: Record<string, string>) => new ApiError(422, "unprocessable", message, fields);
export const notFound = (message: string) => new ApiError(404, "not_found", message);

/** Postgres is down or refused us; the message names what and why, never the credentials. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "57P01", "57P03", "53300", "P1001", "P1002", "P1017"]);

/** True for errors that mean "the database is not there", however Prisma or pg phrase it. */
export function isDatabaseConnectionError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    const name = (current as { name?: unknown }).name;
    if (name === "PrismaClientInitializationError" || name === "DriverAdapterError" && /connect|terminat/i.test(String((current as Error).message))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The SQLSTATE Postgres answered with, however it arrived: on a pg error itself, on a cause, or
 * inside Prisma's driver-adapter error (meta.driverAdapterError.cause.originalCode).
 */
export function postgresErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, originalCode, meta, cause } = current as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (typeof originalCode === "string") return originalCode;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !/^P[1-9]\d{3}$/.test(code)) return code;
    current = meta?.driverAdapterError ?? cause;
  }
  return undefined;
}

/** Postgres refusals that are the database being slow or busy, not the request being wrong. */
const DATABASE_BUSY: Record<string, string> = {
  "57014": "Postgres took longer than the statement timeout (DATABASE_STATEMENT_TIMEOUT_MS) and the query was cancelled. Try again in a moment.",
  "55P03": "Postgres waited too long for a lock another change holds, so the query was cancelled. Try again in a moment.",
};
/** Text Postgres cannot hold (NUL in text or jsonb). The schemas refuse it per field; this is the backstop. */
const UNSTORABLE_TEXT = new Set(["22021", "22P05"]);

/** Maps anything thrown by a verb to a status and the one error envelope. Leaks nothing on 500, and no URL credentials ever. */
export function toErrorResponse(error: unknown, requestId: string): { status: number; body: ErrorEnvelope } {
  const { status, body } = errorEnvelope(error, requestId);
  const { message, fields } = body.error;
  const strippedFields = fields && Object.fromEntries(Object.entries(fields).map(([key, text]) => [key, stripUrlCredentialsInText(text)]));
  return { status, body: { error: { ...body.error, message: stripUrlCredentialsInText(message), ...(strippedFields ? { fields: strippedFields } : {}) } } };
}

function errorEnvelope(error: unknown, requestId: string): { status: number; body: ErrorEnvelope } {
  if (error instanceof ApiError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, fields: error.fields, requestId } } };
  }
  if (error instanceof LogStoreQueryError) {
    return { status: 400, body: { error: { code: "bad_request", message: error.message, requestId } } };
  }
  if (error instanceof LogStoreUnavailableError || error instanceof DatabaseUnavailableError) {
    return { status: 503, body: { error: { code: "unavailable", message: error.message, requestId } } };
  }
  const sqlState = postgresErrorCode(error);
  if (sqlState && DATABASE_BUSY[sqlState]) {
    return { status: 503, body: { error: { code: "unavailable", message: DATABASE_BUSY[sqlState], requestId } } };
  }
  if (sqlState && UNSTORABLE_TEXT.has(sqlState)) {
    return { status: 422, body: { error: { code: "unprocessable", message: "A value contains characters that cannot be stored (such as NUL or other control characters); remove them.", requestId } } };
  }
  if (isDatabaseConnectionError(error)) {
    return { status: 503, body: { error: { code: "unavailable", message: "Postgres is unreachable; Triage cannot read its settings and alerts right now.", requestId } } };
  }
  return { status: 500, body: { error: { code: "internal", message: `Something went wrong on our side. Quote request ${requestId} when reporting it.`, requestId } } };
}
