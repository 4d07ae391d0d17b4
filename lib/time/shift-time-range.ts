import { MAX_RANGE_MS, resolveTimeRange } from "./resolve-time-range";

export interface TimeRangeText {
  from: string;
  to: string;
}

const UNITS: Array<[string, number]> = [["d", 86_400_000], ["h", 3_600_000], ["m", 60_000], ["s", 1_000]];

/** "now-<length>" in the largest unit that divides the length exactly, or null when none does. */
function relativeFromNow(lengthMs: number): string | null {
  const unit = UNITS.find(([, ms]) => lengthMs % ms === 0);
  return unit ? `now-${lengthMs / unit[1]}${unit[0]}` : null;
}

/**
 * `[` and `]`: the range moved back or forward by its own length, as absolute instants (a shifted
 * "last hour" is no longer relative to now). Forward never passes `now`: the range then ends at now,
 * same length. Null when the range does not resolve (the view already shows why).
 */
export function shiftTimeRange(range: TimeRangeText, direction: -1 | 1, now: Date): TimeRangeText | null {
  const resolved = resolveTimeRange(range.from, range.to, now);
  if (!resolved.ok) return null;
  const { from, to } = resolved.range;
  const length = to.getTime() - from.getTime();
  let end = to.getTime() + direction * length;
  if (end > now.getTime()) end = Math.max(now.getTime(), to.getTime());
  return { from: new Date(end - length).toISOString(), to: new Date(end).toISOString() };
}

/**
 * `z`: twice the range around its middle (Grafana's `t z`), at most the 31-day maximum. A range
 * ending at "now" stays live ("now-1h" becomes "now-2h"); otherwise the end is held at now at most,
 * the doubled length kept.
 */
export function zoomOutTimeRange(range: TimeRangeText, now: Date): TimeRangeText | null {
  const resolved = resolveTimeRange(range.from, range.to, now);
  if (!resolved.ok) return null;
  const { from, to } = resolved.range;
  const length = Math.min(2 * (to.getTime() - from.getTime()), MAX_RANGE_MS);
  if (range.to.trim() === "now") {
    const relative = relativeFromNow(length);
    if (relative) return { from: relative, to: "now" };
  }
  const middle = (from.getTime() + to.getTime()) / 2;
  const end = Math.min(middle + length / 2, Math.max(now.getTime(), to.getTime()));
  return { from: new Date(end - length).toISOString(), to: new Date(end).toISOString() };
}
