import type { ShareView } from "@/lib/schemas/share-link";
import { freezeTimeRange } from "@/lib/time/freeze-time-range";
import { isRelativeExpression } from "@/lib/time/parse-time-expression";
import { DEFAULT_TIME_RANGE, timeParsers } from "@/lib/url-state/time-parsers";
import { UNFROZEN_KEYS, VIEW_KINDS } from "./view-kinds";

export interface FrozenView {
  params: Record<string, string>;
  pathParams: Record<string, string>;
  /** The sender's relative range, for "back to live"; null when it was absolute already. */
  live: { from: string; to: string } | null;
}

/**
 * A view as a link stores it: only the keys its parsers know, relative time resolved at `now`
 * (the range the view read, defaults included, so a link without from/to still means those
 * minutes), and no auto-refresh.
 */
export function freezeViewState(view: ShareView, now: Date): FrozenView {
  const kind = VIEW_KINDS[view.kind];
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(view.params)) {
    if (Object.hasOwn(kind.parsers, key) && !UNFROZEN_KEYS.has(key)) params[key] = value;
  }
  let live: FrozenView["live"] = null;
  if (kind.time.kind === "range") {
    const from = readBound(params.from, timeParsers.from.parse) ?? DEFAULT_TIME_RANGE.from;
    const to = readBound(params.to, timeParsers.to.parse) ?? DEFAULT_TIME_RANGE.to;
    if (isRelativeExpression(from) || isRelativeExpression(to)) live = { from, to };
    Object.assign(params, freezeTimeRange(from, to, now));
  } else if (kind.time.kind === "instant") {
    const instant = params[kind.time.key];
    // A drilldown opened cold searches back from "now": the link pins that now.
    if (!instant || !Number.isFinite(Date.parse(instant))) params[kind.time.key] = now.toISOString();
  }
  return { params, pathParams: { ...view.pathParams }, live };
}

function readBound(value: string | undefined, parse: (text: string) => string | null): string | null {
  return value === undefined ? null : parse(value);
}
