"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, useSyncExternalStore } from "react";
import { useCan } from "@/components/auth/actor-context";
import { IncidentForm } from "@/components/forms/incident/incident-form";
import { NoteForm } from "@/components/forms/incident/note-form";
import { PinLinkForm } from "@/components/forms/incident/pin-link-form";
import { IncidentErrorRate } from "@/components/incidents/incident-error-rate";
import { IncidentSummaryPanel } from "@/components/incidents/incident-summary-panel";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { TimeZoneToggle } from "@/components/time/time-zone-toggle";
import { ErrorPanel } from "@/components/ui/error-panel";
import { buildIncidentSummary } from "@/lib/incidents/build-incident-summary";
import { incidentSlowQueryInput } from "@/lib/incidents/incident-slow-queries";
import { slowQueriesQueryOptions } from "@/lib/queries/slow-queries";
import { addIncidentNoteMutationOptions, incidentQueryOptions, pinIncidentLinkMutationOptions, updateIncidentMutationOptions } from "@/lib/queries/incidents";
import { SEVERITY_LABELS, type IncidentDetail } from "@/lib/schemas/incident";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

const noSubscription = () => () => {};

export function IncidentView({ id }: { id: string }) {
  const { data, error, isPending } = useQuery(incidentQueryOptions(id));
  const status = (error as { status?: number } | null)?.status;
  if (isPending) return <div className="view"><div className="skeleton" aria-busy="true">Loading the incident…</div></div>;
  if (error || !data) {
    return <div className="view"><h1>Incident</h1><ErrorPanel title={status === 404 || status === 400 ? "This incident does not exist" : "The incident could not be loaded"} message={error?.message ?? ""} /></div>;
  }
  return <IncidentPanels incident={data} />;
}

function IncidentPanels({ incident }: { incident: IncidentDetail }) {
  const queryClient = useQueryClient();
  const canWrite = useCan("incidents:write");
  const update = useMutation(updateIncidentMutationOptions(queryClient));
  const note = useMutation(addIncidentNoteMutationOptions(queryClient));
  const pin = useMutation(pinIncidentLinkMutationOptions(queryClient));
  const [editing, setEditing] = useState(false);
  const [zone, setZone] = useState<TimeZoneMode>("utc");
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const [now] = useState(() => new Date());
  const window_ = { from: incident.startedAt, to: incident.endedAt ?? "now", service: incident.services };
  // The postmortem's top slow fingerprints: the slow-query panel's own answer over this window and services.
  const slow = useQuery(slowQueriesQueryOptions(incidentSlowQueryInput(incident, now)));
  const slowSummary = slow.data ? { rows: slow.data.rows, thresholdMs: slow.data.thresholdMs } : slow.error ? { error: slow.error.message } : undefined;
  return (
    <div className="view" data-testid="incident" data-status={incident.status}>
      <div className="toolbar">
        <h1>{incident.title}</h1>
        <span className={`status-pill status-${incident.status}`} data-testid="incident-status">{incident.status}</span>
        <span>{SEVERITY_LABELS[incident.severity]}</span>
        <div className="toolbar-actions">
          <TimeZoneToggle value={zone} onChange={setZone} />
          {canWrite && incident.status !== "resolved" ? (
            <button type="button" onClick={() => update.mutate({ id: incident.id, input: { status: "resolved", version: incident.version } })} disabled={update.isPending}>Resolve</button>
          ) : null}
          {canWrite ? <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>Edit</button> : null}
        </div>
      </div>
      {update.error && !editing ? <p className="error-text" role="alert">{update.error.message}</p> : null}
      <p className="muted">
        Services: {incident.services.join(", ") || "none named"} · commander {incident.commander} · opened by {incident.createdByName}
      </p>
      {editing ? (
        <section className="panel" aria-label="Edit the incident">
          <IncidentForm
            defaultValues={{ title: incident.title, severity: incident.severity, status: incident.status, services: incident.services, startedAt: incident.startedAt, endedAt: incident.endedAt, commander: incident.commander }}
            submitLabel="Save incident"
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              await update.mutateAsync({ id: incident.id, input: { ...values, version: incident.version } });
              setEditing(false);
            }}
          />
        </section>
      ) : null}
      <IncidentErrorRate input={window_} timeZone={zone} />
      <div className="ov-columns">
        <section className="panel" aria-labelledby="incident-timeline-title">
          <header className="panel-header"><h2 id="incident-timeline-title">Timeline</h2></header>
          <IncidentTimeline events={incident.events} timeZone={zone} />
          {canWrite ? (
            <>
              <NoteForm onSubmit={async (input) => void (await note.mutateAsync({ id: incident.id, input }))} />
              <PinLinkForm onSubmit={async (input) => void (await pin.mutateAsync({ id: incident.id, input }))} />
            </>
          ) : null}
        </section>
        <IncidentSummaryPanel markdown={buildIncidentSummary(incident, origin, now, { slowQueries: slowSummary })} />
      </div>
    </div>
  );
}
