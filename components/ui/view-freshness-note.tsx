import type { ViewFreshness } from "@/lib/schemas/view-freshness";
import { formatClock, formatRangeIn } from "@/lib/time/format-zoned";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

/** Which window the charts show after alignment, and up to when their buckets count as closed. */
export function ViewWindowNote({ freshness, from, to, interval, timeZone }: { freshness: ViewFreshness; from: string; to: string; interval: string; timeZone: TimeZoneMode }) {
  const edges = freshness.aligned.from || freshness.aligned.to ? `aligned to ${interval} buckets` : "as given";
  return (
    <p className="muted view-note" data-testid="view-window">
      {formatRangeIn(Date.parse(from), Date.parse(to), timeZone)}, {edges}
      {freshness.buckets.cached > 0 ? ` · buckets before ${formatClock(Date.parse(freshness.settledUntil), timeZone)} from this instance's cache` : ""}
    </p>
  );
}

/** Top lists are counted over the whole window on their own cadence: the panel says when, and over what. */
export function TopListsAsOf({ topLists, timeZone }: { topLists: ViewFreshness["topLists"]; timeZone: TimeZoneMode }) {
  if (!topLists) return null;
  return (
    <p className="muted view-note" data-testid="top-lists-as-of">
      Exact as of {formatClock(Date.parse(topLists.asOf), timeZone, true)}, over {formatRangeIn(Date.parse(topLists.from), Date.parse(topLists.to), timeZone)}; recounted at most every {topLists.everySeconds} s
    </p>
  );
}
