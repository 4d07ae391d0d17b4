"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { IncidentsTable } from "@/components/incidents/incidents-table";
import { MultiSelectFilter } from "@/components/overview/multi-select-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { incidentsQueryOptions } from "@/lib/queries/incidents";
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from "@/lib/schemas/incident";
import { UrlStateNotice } from "@/lib/url-state/url-state-notice";
import { incidentsSearchParams } from "./search-params";

export function IncidentsView() {
  const [filters, setFilters] = useQueryStates(incidentsSearchParams);
  const { data, error, isPending } = useQuery(incidentsQueryOptions(filters));
  const services = [...new Set([...(data?.incidents.flatMap((incident) => incident.services) ?? []), ...filters.service])].sort();
  return (
    <div className="view">
      <div className="toolbar">
        <h1>Incidents</h1>
        <span className="muted">Open an incident from any view with its “Open incident” button.</span>
      </div>
      <UrlStateNotice parsers={incidentsSearchParams} />
      <div className="filters" role="group" aria-label="Filter incidents">
        <MultiSelectFilter label="Status" options={[...INCIDENT_STATUSES]} selected={filters.status} onChange={(status) => void setFilters({ status: status as typeof filters.status })} />
        <MultiSelectFilter label="Severity" options={[...INCIDENT_SEVERITIES]} selected={filters.severity} onChange={(severity) => void setFilters({ severity: severity as typeof filters.severity })} />
        <MultiSelectFilter label="Service" options={services} selected={filters.service} onChange={(service) => void setFilters({ service })} />
      </div>
      {isPending ? <div className="skeleton" aria-busy="true">Loading incidents…</div> : null}
      {error ? <ErrorPanel title="Incidents are unavailable" message={error.message} /> : null}
      {data && data.incidents.length === 0 ? <EmptyState title="No incidents">None match these filters. <Link href="/incidents">Clear the filters</Link></EmptyState> : null}
      {data && data.incidents.length > 0 ? <IncidentsTable incidents={data.incidents} /> : null}
    </div>
  );
}
