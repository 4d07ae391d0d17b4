import { formatDurationMs } from "@/lib/requests/build-request-timeline";
import type { RequestDrilldownResponse } from "@/lib/schemas/request-drilldown";

/** One line about the request: its entry hop, how long it took, how many services and lines. */
export function RequestSummary({ data }: { data: RequestDrilldownResponse }) {
  const { entry, lanes, startMs, wallMs } = data.timeline;
  return (
    <div className="rq-summary" data-testid="request-summary">
      {entry ? (
        <span data-testid="entry-hop">
          <code>{[entry.method, entry.path].filter(Boolean).join(" ")}</code> in {entry.service}
          {entry.status !== null ? <> → <strong className={entry.status >= 500 ? "error-text" : undefined}>{entry.status}</strong></> : null}
        </span>
      ) : null}
      <span>{formatDurationMs(wallMs)} wall time</span>
      <span>{lanes.length} service{lanes.length === 1 ? "" : "s"}</span>
      <span>{data.lines.toLocaleString("en-US")} line{data.lines === 1 ? "" : "s"}</span>
      {startMs !== null ? <span className="muted">started {new Date(startMs).toISOString().replace("T", " ").slice(0, 23)} UTC</span> : null}
      {data.redactions > 0 ? <span className="muted">{data.redactions} secret{data.redactions === 1 ? "" : "s"} redacted</span> : null}
      {data.truncated ? (
        <p className="banner banner-warning">
          This request has {data.lines.toLocaleString("en-US")} lines; the timeline and table show the first {data.logLines.length.toLocaleString("en-US")}.
        </p>
      ) : null}
    </div>
  );
}
