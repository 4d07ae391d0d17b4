import Link from "next/link";
import type { IncidentEventView } from "@/lib/schemas/incident";
import { formatDateTimeIn } from "@/lib/time/format-zoned";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";
import { MarkdownNote } from "./markdown-note";

function EventBody({ event }: { event: IncidentEventView }) {
  switch (event.kind) {
    case "created": return <>opened the incident as <strong>{event.toStatus}</strong></>;
    case "status_changed": return <>changed the status from {event.fromStatus} to <strong>{event.toStatus}</strong></>;
    case "updated": return <>changed {Object.keys((event.details?.changes as object | undefined) ?? {}).join(", ")}</>;
    case "note": return <MarkdownNote text={event.body ?? ""} />;
    case "link_pinned":
      return event.link ? (
        <>pinned {event.link.hasSnapshot ? "a snapshot" : "a link"}: <Link href={`/s/${event.link.slug}`}>{event.link.name}</Link></>
      ) : <>pinned a link that was deleted since</>;
    case "alert_transition": {
      const series = typeof event.details?.series === "string" ? (event.details.series === "*" ? " (all services)" : ` (${event.details.series})`) : "";
      return <>alert <strong>{String(event.details?.ruleName ?? "")}</strong>{series}: {event.fromStatus} → {event.toStatus}</>;
    }
  }
}

/** Every entry in time order: status changes, notes, pinned links and snapshots, alert transitions. */
export function IncidentTimeline({ events, timeZone }: { events: IncidentEventView[]; timeZone: TimeZoneMode }) {
  if (events.length === 0) return <p className="notice">Nothing on the timeline yet.</p>;
  return (
    <ol className="incident-timeline" data-testid="incident-timeline">
      {events.map((event) => (
        <li key={event.id} data-kind={event.kind}>
          <time dateTime={event.at}>{formatDateTimeIn(Date.parse(event.at), timeZone, true)}</time>{" "}
          {event.kind === "note" ? <strong>{event.actorName ?? "someone"}</strong> : <span>{event.actorName ?? "someone"}</span>}{" "}
          <EventBody event={event} />
        </li>
      ))}
    </ol>
  );
}
