import type { FieldMapping } from "@/lib/schemas/field-mapping";
import type { FirstError, HttpHop } from "@/lib/schemas/request-drilldown";
import { parseStackTrace } from "./parse-stack-trace";
import { lineStart, readTimedLines, type LogLine, type RequestLogInput } from "./read-log-fields";

export type { FirstError };

type TimedLine = LogLine & { time: number };

/**
 * What went wrong: the first line (by time, then input order) that failed (level ERROR/FATAL or
 * status >= 500) and carries an error (type, message or stack). When no failing line carries one,
 * the first failing line with its log message; when nothing failed, the first line carrying an
 * error at all (an expired token logged as WARN), marked `isFailure: false`.
 */
export function findFirstError(inputs: readonly RequestLogInput[], mapping: FieldMapping): FirstError | null {
  const { timed } = readTimedLines(inputs, mapping);
  const failing = timed.filter((line) => line.isError);
  const withError = failing.find((line) => line.error !== null);
  if (withError) return describe(withError, timed, true);
  if (failing[0]) return describe(failing[0], timed, true);
  const warning = timed.find((line) => line.error !== null);
  return warning ? describe(warning, timed, false) : null;
}

function describe(line: TimedLine, lines: readonly TimedLine[], isFailure: boolean): FirstError {
  const stack = line.error?.stack ?? null;
  return {
    lineId: line.id,
    service: line.service,
    time: line.time,
    level: line.level,
    type: line.error?.type ?? null,
    message: line.error?.message ?? line.message ?? "",
    stack,
    trace: stack ? parseStackTrace(stack) : null,
    isFailure,
    hop: findHop(line, lines),
  };
}

/**
 * The HTTP hop the error happened on: the line itself when it is a request line, else the request
 * line of the same span, else the same service's request line whose interval holds the error, else
 * that service's next request line, else its last one before.
 */
export function findHop(line: TimedLine, lines: readonly TimedLine[]): HttpHop | null {
  if (line.isRequest) return toHop(line);
  const requests = lines.filter((other) => other.isRequest && other.service === line.service);
  const hop =
    (line.spanId !== null ? requests.find((other) => other.spanId === line.spanId) : undefined) ??
    requests.find((other) => lineStart(other) <= line.time && line.time <= other.time) ??
    requests.find((other) => other.time >= line.time) ??
    requests[requests.length - 1];
  return hop ? toHop(hop) : null;
}

function toHop(line: TimedLine): HttpHop {
  return { lineId: line.id, service: line.service, method: line.method, path: line.path, status: line.status, durationMs: line.durationMs };
}
