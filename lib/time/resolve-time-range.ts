import { parseTimeExpression } from "./parse-time-expression";

/** Longest range any view may ask for; bounds the engine's work. */
export const MAX_RANGE_MS = 31 * 86_400_000;

export interface TimeRange {
  from: Date;
  to: Date;
}

export type RangeResult = { ok: true; range: TimeRange } | { ok: false; field: "from" | "to"; message: string };

export function resolveTimeRange(from: string, to: string, now: Date): RangeResult {
  const start = parseTimeExpression(from, now);
  if (!start.ok) return { ok: false, field: "from", message: start.message };
  const end = parseTimeExpression(to, now);
  if (!end.ok) return { ok: false, field: "to", message: end.message };
  if (start.date.getTime() >= end.date.getTime()) {
    return { ok: false, field: "from", message: `"from" (${start.date.toISOString()}) must be before "to" (${end.date.toISOString()})` };
  }
  if (end.date.getTime() - start.date.getTime() > MAX_RANGE_MS) {
    return { ok: false, field: "from", message: "the time range is longer than the 31-day maximum: narrow it" };
  }
  return { ok: true, range: { from: start.date, to: end.date } };
}
