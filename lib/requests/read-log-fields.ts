import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { isErrorLevel, levelName } from "@/lib/logs/level-scheme";

export type LogSource = Record<string, unknown>;

/** One hit of the request: the engine's `_id` and its `_source`. */
export interface RequestLogInput {
  id: string;
  source: LogSource;
}

/**
 * Reads a dotted path from nested (`{http:{request:{id}}}`), flat (`{"http.request.id"}`) or
 * mixed (`{"http.request": {id}}`) documents. Longer literal keys win; through an array, the
 * first element that holds the rest of the path answers.
 */
export function readField(doc: unknown, path: string): unknown {
  const value = readSegments(doc, path.split("."), 0);
  if (value !== undefined || !path.endsWith(KEYWORD_SUFFIX)) return value;
  // "service.keyword" is a multi-field the engine indexes from "service"; only the parent is in _source.
  const parent = readSegments(doc, path.slice(0, -KEYWORD_SUFFIX.length).split("."), 0);
  return typeof parent === "object" && parent !== null && !Array.isArray(parent) ? undefined : parent;
}

const KEYWORD_SUFFIX = ".keyword";

function readSegments(node: unknown, segments: readonly string[], depth: number): unknown {
  if (segments.length === 0) return node;
  if (typeof node !== "object" || node === null || depth > 32) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const value = readSegments(item, segments, depth + 1);
      if (value !== undefined) return value;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  for (let take = segments.length; take >= 1; take--) {
    const key = segments.slice(0, take).join(".");
    if (!Object.hasOwn(record, key)) continue;
    const value = readSegments(record[key], segments.slice(take), depth + 1);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A string value (numbers and booleans as text; the first element of an array). */
export function readString(doc: unknown, path: string): string | null {
  const value = firstScalar(readField(doc, path));
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** A finite number, also from numeric strings ("504"). */
export function readNumber(doc: unknown, path: string): number | null {
  const value = firstScalar(readField(doc, path));
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
}

function firstScalar(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Epoch milliseconds from an epoch number of any common unit. Loggers write seconds (zap's `ts`,
 * with a fraction), milliseconds (pino's `time`) or micro/nanoseconds; the magnitude tells which,
 * since every time after 1973 is over 1e11 in milliseconds and under it in seconds until year 5138.
 */
export function epochToMs(value: number): number {
  const size = Math.abs(value);
  if (size < 1e11) return value * 1000;
  if (size < 1e14) return value;
  if (size < 1e17) return value / 1000;
  return value / 1_000_000;
}

const EPOCH_TEXT = /^\d{9,}(\.\d+)?$/;

/** A time value read from a line as ISO text, epoch numbers converted; other text as logged. */
export function timeText(value: unknown): string | null {
  const first = firstScalar(value);
  const epoch = typeof first === "number" ? first : typeof first === "string" && EPOCH_TEXT.test(first) ? Number(first) : null;
  if (epoch !== null) {
    const date = new Date(epochToMs(epoch));
    return Number.isFinite(date.getTime()) ? date.toISOString() : String(first);
  }
  return first === undefined || first === null ? null : String(first);
}

/**
 * Epoch milliseconds from an ISO string (sub-millisecond digits kept as a fraction) or an epoch
 * number or numeric string in seconds, milliseconds or finer (epochToMs); null when unreadable.
 */
export function readTimeMs(doc: unknown, path: string): number | null {
  const value = firstScalar(readField(doc, path));
  if (typeof value === "number") return Number.isFinite(value) ? epochToMs(value) : null;
  if (typeof value !== "string") return null;
  if (EPOCH_TEXT.test(value)) return epochToMs(Number(value));
  const fraction = /(?<=:\d{2})\.(\d+)/.exec(value);
  const parsed = Date.parse(fraction ? value.replace(fraction[0], "") : value);
  if (!Number.isFinite(parsed)) return null;
  if (!fraction) return parsed;
  const digits = fraction[1] ?? "";
  // Whole milliseconds stay integers; only digits beyond the third become a fraction.
  const millis = Number(digits.slice(0, 3).padEnd(3, "0"));
  return parsed + millis + (digits.length > 3 ? Number(`0.${digits.slice(3)}`) : 0);
}

/** Converts a duration in the mapping's unit to milliseconds. */
export function durationToMs(value: number, unit: FieldMapping["durationUnit"]): number {
  return unit === "ns" ? value / 1_000_000 : value;
}

/** The line's duration in milliseconds, honouring `durationUnit`; null when absent or negative. */
export function durationMs(doc: unknown, mapping: FieldMapping): number | null {
  const raw = readNumber(doc, mapping.duration);
  return raw === null || raw < 0 ? null : durationToMs(raw, mapping.durationUnit);
}

/** What the drilldown needs of one line, read once through the field mapping. */
export interface LogLine {
  id: string;
  /** Position in the input, the tie-break for equal timestamps. */
  index: number;
  source: LogSource;
  time: number | null;
  service: string;
  /** As people read it: pino's 50 is "error" (levelName). */
  level: string | null;
  message: string | null;
  status: number | null;
  method: string | null;
  path: string | null;
  /** Duration in the mapping's unit, kept raw so sums convert once (exactly as the ground truth does). */
  rawDuration: number | null;
  durationMs: number | null;
  spanId: string | null;
  parentId: string | null;
  sql: string | null;
  error: { type: string | null; message: string | null; stack: string | null } | null;
  /** DESIGN.md: a request line has a status code. */
  isRequest: boolean;
  /** Level ERROR/FATAL under the mapping's level scheme, or status >= 500. */
  isError: boolean;
}

export const UNKNOWN_SERVICE = "(unknown service)";

export function readLogLine(input: RequestLogInput, index: number, mapping: FieldMapping): LogLine {
  const doc = input.source;
  const status = readNumber(doc, mapping.status);
  const rawDuration = readNumber(doc, mapping.duration);
  const validDuration = rawDuration !== null && rawDuration >= 0 ? rawDuration : null;
  const rawLevel = readField(doc, mapping.level);
  const errorType = readString(doc, mapping.errorType);
  const errorMessage = readString(doc, mapping.errorMessage);
  const errorStack = readString(doc, mapping.errorStack);
  return {
    id: input.id,
    index,
    source: doc,
    time: readTimeMs(doc, mapping.timestamp),
    service: readString(doc, mapping.service) || UNKNOWN_SERVICE,
    level: levelName(rawLevel, mapping.levelScheme),
    message: readString(doc, mapping.message),
    status,
    method: readString(doc, mapping.method),
    path: readString(doc, mapping.path),
    rawDuration: validDuration,
    durationMs: validDuration === null ? null : durationToMs(validDuration, mapping.durationUnit),
    spanId: readString(doc, mapping.spanId) || null,
    parentId: readString(doc, mapping.parentId) || null,
    sql: readString(doc, mapping.sqlStatement) || null,
    error: errorType || errorMessage || errorStack ? { type: errorType, message: errorMessage, stack: errorStack } : null,
    isRequest: status !== null,
    isError: isErrorLevel(rawLevel, mapping.levelScheme) || (status !== null && status >= 500),
  };
}

/** Lines with a readable time, ordered by time then input order (a stable sort). */
export function readTimedLines(inputs: readonly RequestLogInput[], mapping: FieldMapping): { timed: (LogLine & { time: number })[]; untimed: LogLine[] } {
  const lines = inputs.map((input, index) => readLogLine(input, index, mapping));
  const timed = lines.filter((line): line is LogLine & { time: number } => line.time !== null);
  timed.sort((a, b) => a.time - b.time || a.index - b.index);
  return { timed, untimed: lines.filter((line) => line.time === null) };
}

/**
 * Convention: a line that carries a duration is written when the work ends (as the demo and
 * most HTTP/SQL loggers do), so it covers [time - duration, time]. Other lines are instants.
 */
export function lineStart(line: { time: number; durationMs: number | null }): number {
  return line.durationMs === null ? line.time : line.time - line.durationMs;
}

/**
 * The request line where the request entered: among request lines without a parent span, the
 * longest (the latest on a tie); when every request line has a parent, the one starting first.
 */
export function findEntryLine<T extends LogLine & { time: number }>(lines: readonly T[]): T | null {
  const requests = lines.filter((line) => line.isRequest);
  const roots = requests.filter((line) => line.parentId === null);
  let best: T | null = null;
  if (roots.length > 0) {
    for (const line of roots) if (!best || (line.durationMs ?? 0) >= (best.durationMs ?? 0)) best = line;
    return best;
  }
  for (const line of requests) if (!best || lineStart(line) < lineStart(best)) best = line;
  return best;
}
