import { createParser, parseAsStringLiteral } from "nuqs/server";
import { parseTimeExpression } from "@/lib/time/parse-time-expression";

/** Auto-refresh choices; "off" is the default so a shared link never starts polling by surprise. */
export const REFRESH_INTERVALS = ["off", "5s", "10s", "30s", "1m"] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];
export const REFRESH_INTERVAL_MS: Record<RefreshInterval, number | null> = { off: null, "5s": 5_000, "10s": 10_000, "30s": 30_000, "1m": 60_000 };

/** Times are shown in UTC (the default, what logs and colleagues agree on) or in the browser's zone. */
export const TIME_ZONE_MODES = ["utc", "browser"] as const;
export type TimeZoneMode = (typeof TIME_ZONE_MODES)[number];

export const DEFAULT_TIME_RANGE = { from: "now-1h", to: "now" } as const;

/** Same limit as the API's time schema, so the URL never holds what the server would refuse to read. */
const MAX_TIME_LENGTH = 64;

/**
 * A time bound as typed: relative ("now-15m", "now-1d/d") or absolute ISO. A value that is not a
 * time at all parses to null, so nuqs falls back to the default and the URL-state notice names it.
 * Validity does not depend on "now"; the server resolves the bound when it answers.
 */
export const parseAsTimeExpression = createParser<string>({
  parse: (value) => {
    const text = value.trim();
    if (text.length > MAX_TIME_LENGTH) return null;
    return parseTimeExpression(text, new Date()).ok ? text : null;
  },
  serialize: (value) => value,
});

/** The time state every view shares: range, auto-refresh and time zone. Spread into a view's parsers. */
export const timeParsers = {
  from: parseAsTimeExpression.withDefault(DEFAULT_TIME_RANGE.from),
  to: parseAsTimeExpression.withDefault(DEFAULT_TIME_RANGE.to),
  refresh: parseAsStringLiteral(REFRESH_INTERVALS).withDefault("off"),
  tz: parseAsStringLiteral(TIME_ZONE_MODES).withDefault("utc"),
};

export interface TimeState {
  from: string;
  to: string;
  refresh: RefreshInterval;
  tz: TimeZoneMode;
}
