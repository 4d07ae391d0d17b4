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
  return checkTimeRange(start.date, end.date);
}

/**
 * The limits every range obeys, however it arrived (a URL's expressions, a page link's frozen
 * dates): real dates ("now+999999999y" is not one), in order, and at most MAX_RANGE_MS long.
 */
export function checkTimeRange(from: Date, to: Date): RangeResult {
  if (Number.isNaN(from.getTime())) return { ok: false, field: "from", message: `"from" is outside the dates Triage can read` };
  if (Number.isNaN(to.getTime())) return { ok: false, field: "to", message: `"to" is outside the dates Triage can read` };
  if (from.getTime() >= to.getTime()) {
    return { ok: false, field: "from", message: `"from" (${from.toISOString()}) must be before "to" (${to.toISOString()})` };
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
    return { ok: false, field: "from", message: "the time range is longer than the 31-day maximum: narrow it" };
  }
  return { ok: true, range: { from, to } };
}
