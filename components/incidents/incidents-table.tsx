import Link from "next/link";
import { formatIncidentDuration } from "@/lib/incidents/build-incident-summary";
import { SEVERITY_LABELS, type IncidentSummary } from "@/lib/schemas/incident";
import { formatDateTimeIn } from "@/lib/time/format-zoned";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

/** Incidents as the server ordered them: open ones first. */
export function IncidentsTable({ incidents }: { incidents: IncidentSummary[] }) {
  return (
    <KeyboardTable className="table" data-testid="incidents-table">
      <thead>
        <tr><th scope="col">Title</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Services</th><th scope="col">Start (UTC)</th><th scope="col">Duration</th><th scope="col">Commander</th></tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.id} data-status={incident.status} data-row="">
            <td><Link href={`/incidents/${incident.id}`}>{incident.title}</Link></td>
            <td>{SEVERITY_LABELS[incident.severity]}</td>
            <td><span className={`status-pill status-${incident.status}`}>{incident.status}</span></td>
            <td>{incident.services.join(", ")}</td>
            <td>{formatDateTimeIn(Date.parse(incident.startedAt), "utc")}</td>
            <td>{incident.endedAt ? formatIncidentDuration(incident.startedAt, incident.endedAt) : "ongoing"}</td>
            <td>{incident.commander}</td>
          </tr>
        ))}
      </tbody>
    </KeyboardTable>
  );
}
