import { isRelativeExpression, parseTimeExpression } from "./parse-time-expression";

/**
 * Turns a relative range ("now-15m" → "now") into absolute ISO instants resolved at `now`,
 * so a shared link shows a colleague the same minutes. Absolute bounds are kept as written,
 * and a bound that does not parse is kept too: the reader then sees the same readable error.
 */
export function freezeTimeRange(from: string, to: string, now: Date): { from: string; to: string } {
  return { from: freezeBound(from, now), to: freezeBound(to, now) };
}

function freezeBound(value: string, now: Date): string {
  if (!isRelativeExpression(value)) return value;
  const parsed = parseTimeExpression(value, now);
  return parsed.ok ? parsed.date.toISOString() : value;
}
