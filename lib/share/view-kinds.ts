import { logsSearchParams } from "@/app/(dashboard)/logs/search-params";
import { alertRuleSearchParams } from "@/app/(dashboard)/alerts/[id]/search-params";
import { alertsSearchParams } from "@/app/(dashboard)/alerts/search-params";
import { requestSearchParams } from "@/app/(dashboard)/requests/[id]/search-params";
import { overviewSearchParams } from "@/app/(dashboard)/search-params";
import { slowQueriesSearchParams } from "@/app/(dashboard)/slow-queries/search-params";
import { fingerprintSearchParams } from "@/app/(dashboard)/slow-queries/[fingerprint]/search-params";
import type { ShareViewKind } from "@/lib/schemas/share-link";
import { fingerprintSchema } from "@/lib/schemas/slow-queries";
import type { UrlStateParser } from "@/lib/url-state/validate-url-state";

export interface ViewKind {
  label: string;
  /** The view's nuqs parsers (its search-params.ts): what a link stores and restores. */
  parsers: Record<string, UrlStateParser>;
  /** The page of this view; null when a path segment it needs is missing or unreadable. */
  path: (pathParams: Readonly<Record<string, string>>) => string | null;
  /**
   * How a link freezes this view's time: its from/to range, one instant (the drilldown's `around`,
   * the rule page's `at`: the end of the range it replays), or none (a list of current state).
   */
  time: { kind: "range" } | { kind: "instant"; key: string; /** "Back to live" drops it: it only froze time. */ liveDrops?: boolean } | { kind: "none" };
}

/**
 * Every view a link can open. A new view (alerts, slow queries) adds its kind to SHARE_VIEW_KINDS
 * and one entry here; its time parsers and URL keys are then frozen, stored and restored like these.
 */
export const VIEW_KINDS: Record<ShareViewKind, ViewKind> = {
  overview: { label: "Overview", parsers: overviewSearchParams, path: () => "/", time: { kind: "range" } },
  explorer: { label: "Logs", parsers: logsSearchParams, path: () => "/logs", time: { kind: "range" } },
  request: {
    label: "Request",
    parsers: requestSearchParams,
    path: ({ id }) => (id && id.trim() !== "" && id.length <= 256 ? `/requests/${encodeURIComponent(id)}` : null),
    time: { kind: "instant", key: "around" },
  },
  alerts: { label: "Alerts", parsers: alertsSearchParams, path: () => "/alerts", time: { kind: "none" } },
  alert: {
    label: "Alert rule",
    parsers: alertRuleSearchParams,
    path: ({ id }) => (id && /^[0-9a-f-]{36}$/i.test(id) ? `/alerts/${id}` : null),
    time: { kind: "instant", key: "at", liveDrops: true },
  },
  "slow-queries": { label: "Slow queries", parsers: slowQueriesSearchParams, path: () => "/slow-queries", time: { kind: "range" } },
  "slow-query": {
    label: "Slow query",
    parsers: fingerprintSearchParams,
    // The fingerprint is the path segment, checked as its page checks it.
    path: ({ id }) => (fingerprintSchema.safeParse(id).success ? `/slow-queries/${id}` : null),
    time: { kind: "range" },
  },
};

export function viewKindOf(kind: string): ViewKind | null {
  return Object.hasOwn(VIEW_KINDS, kind) ? VIEW_KINDS[kind as ShareViewKind] : null;
}

/** Keys a frozen view never keeps: auto-refresh (an absolute range has nothing new) and the banner's own marker. */
export const UNFROZEN_KEYS = new Set(["refresh", "shared"]);
