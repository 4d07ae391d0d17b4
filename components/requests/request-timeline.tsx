"use client";

import { formatDurationMs } from "@/lib/requests/build-request-timeline";
import type { RequestTimeline as Timeline, TimelineMark } from "@/lib/schemas/request-drilldown";

export interface RequestTimelineProps {
  timeline: Timeline;
  selectedLineId?: string | null;
  onSelectLine?: (lineId: string) => void;
}

const TICKS = [0, 0.25, 0.5, 0.75, 1];
const INDENT_PX = 18;

/**
 * One lane per service in order of first appearance, indented by span depth. Lines with a
 * duration are bars over [time - duration, time]; other lines are ticks; errors are red. Every
 * mark is a button that selects its line in the table below. Takes shaped data; never fetches.
 */
export function RequestTimeline({ timeline, selectedLineId, onSelectLine }: RequestTimelineProps) {
  const { startMs, endMs, wallMs, lanes } = timeline;
  if (startMs === null || endMs === null) return null;
  const span = Math.max(endMs - startMs, 1);
  const at = (time: number) => ((time - startMs) / span) * 100;
  return (
    <div className="rq-timeline" data-testid="request-timeline" role="group" aria-label={`Timeline: ${lanes.length} services over ${formatDurationMs(wallMs)}`}>
      <div className="rq-axis" aria-hidden="true">
        <span className="rq-lane-label" />
        <div className="rq-track">
          {TICKS.map((tick) => (
            <span key={tick} className="rq-tick" style={{ left: `${tick * 100}%` }}>{formatDurationMs(wallMs * tick)}</span>
          ))}
        </div>
      </div>
      <ol className="rq-lanes">
        {lanes.map((lane) => {
          const requestMs = lane.marks.filter((mark) => mark.kind === "request").reduce((sum, mark) => sum + (mark.durationMs ?? 0), 0);
          return (
            <li key={lane.service} className="rq-lane" data-testid="timeline-lane" data-service={lane.service} data-depth={lane.depth}>
              <div className="rq-lane-label" style={{ paddingLeft: lane.depth * INDENT_PX }} title={lane.parentService ? `called by ${lane.parentService}` : undefined}>
                {lane.depth > 0 ? <span className="muted" aria-hidden="true">└ </span> : null}
                <strong>{lane.service}</strong>
                {requestMs > 0 ? <span className="muted"> {formatDurationMs(requestMs)}</span> : null}
                {lane.errorCount > 0 ? <span className="rq-error-count">{lane.errorCount} error{lane.errorCount === 1 ? "" : "s"}</span> : null}
              </div>
              <div className="rq-track">
                {lane.marks.map((mark) => (
                  <MarkButton key={mark.lineId} mark={mark} service={lane.service} left={at(mark.start ?? mark.time)} right={at(mark.end ?? mark.time)} selected={mark.lineId === selectedLineId} onSelect={onSelectLine} />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function MarkButton({ mark, service, left, right, selected, onSelect }: { mark: TimelineMark; service: string; left: number; right: number; selected: boolean; onSelect?: (lineId: string) => void }) {
  const isBar = mark.durationMs !== undefined;
  const classes = ["rq-mark", isBar ? `rq-bar rq-bar-${mark.kind}` : "rq-point", mark.isError ? "is-error" : "", selected ? "is-selected" : ""].filter(Boolean).join(" ");
  const description = `${service}: ${mark.label}${isBar ? `, ${formatDurationMs(mark.durationMs ?? 0)}` : ""}${mark.isError ? " (error)" : ""}`;
  return (
    <button
      type="button"
      className={classes}
      style={{ left: `${left}%`, width: isBar ? `max(${Math.max(right - left, 0)}%, 2px)` : undefined }}
      title={description}
      aria-label={description}
      aria-pressed={selected}
      data-testid="timeline-mark"
      data-kind={mark.kind}
      data-error={mark.isError}
      data-duration-ms={mark.durationMs}
      onClick={() => onSelect?.(mark.lineId)}
    />
  );
}
