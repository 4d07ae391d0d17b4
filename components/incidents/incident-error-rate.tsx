"use client";

import { useQuery } from "@tanstack/react-query";
import { LazyErrorRateChart as ErrorRateChart } from "@/components/charts/lazy-charts";
import { ErrorPanel } from "@/components/ui/error-panel";
import { toErrorRateRows } from "@/lib/logs/error-rate-series";
import { incidentErrorRateQueryOptions, type ErrorRateInput } from "@/lib/queries/incidents";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

/** The overview's 5xx error rate over the incident's window and services. */
export function IncidentErrorRate({ input, timeZone }: { input: ErrorRateInput; timeZone: TimeZoneMode }) {
  const { data, error, isPending } = useQuery(incidentErrorRateQueryOptions(input));
  return (
    <section className="panel" aria-labelledby="incident-rate-title">
      <header className="panel-header">
        <h2 id="incident-rate-title">5xx error rate during the incident</h2>
        {data ? <span className="muted">{data.interval} buckets</span> : null}
      </header>
      {isPending ? <div className="skeleton" aria-busy="true">Loading the error rate…</div> : null}
      {error ? <ErrorPanel title="The error rate is unavailable" message={error.message} /> : null}
      {data && data.services.length === 0 ? <p className="notice">No request lines of these services in this window (the logs may have been deleted; pinned snapshots keep what was seen).</p> : null}
      {data && data.services.length > 0 ? <ErrorRateChart rows={toErrorRateRows(data.points)} services={data.services} timeZone={timeZone} /> : null}
    </section>
  );
}
