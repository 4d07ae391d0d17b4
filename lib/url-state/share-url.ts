import { freezeTimeRange } from "@/lib/time/freeze-time-range";
import { DEFAULT_TIME_RANGE, timeParsers } from "./time-parsers";

export interface ShareableView {
  url: string;
  /** The absolute range the link now carries. */
  from: string;
  to: string;
}

/**
 * The current view as a link a colleague can open later: relative time frozen into absolute ISO
 * (read the way the view reads it, so an unreadable bound becomes the default the view shows), and
 * every value strictly percent-encoded so chat apps neither cut the link at a space, bracket or
 * quote nor treat a trailing "." or ")" as punctuation.
 */
export function buildShareUrl(href: string, now: Date): ShareableView {
  const url = new URL(href);
  const search = url.searchParams;
  const current = {
    from: readBound(search.get("from"), timeParsers.from.parse, DEFAULT_TIME_RANGE.from),
    to: readBound(search.get("to"), timeParsers.to.parse, DEFAULT_TIME_RANGE.to),
  };
  const frozen = freezeTimeRange(current.from, current.to, now);
  search.set("from", frozen.from);
  search.set("to", frozen.to);
  url.search = encodeStrictly(search);
  return { url: url.toString(), ...frozen };
}

function readBound(raw: string | null, parse: (value: string) => string | null, fallback: string): string {
  return (raw === null ? null : parse(raw)) ?? fallback;
}

/** encodeURIComponent leaves !'()* and ~ alone; chat linkifiers and markdown do not. */
export function encodeStrictly(search: URLSearchParams): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).replace(/[._-]$/, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  const pairs = [...search.entries()].map(([key, value]) => `${encode(key)}=${encode(value)}`);
  return pairs.length ? `?${pairs.join("&")}` : "";
}
