"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorRateChart } from "@/components/charts/error-rate-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { findPeaks, toErrorRateRows } from "@/lib/logs/error-rate-series";
import { errorRateQueryOptions, type ErrorRateQueryInput } from "@/lib/queries/overview";
import { ServiceErrorTable } from "./service-error-table";

export function ErrorRatePanel({ input }: { input: ErrorRateQueryInput }) {
  const { data, error, isPending } = useQuery(errorRateQueryOptions(input));
  return (
    <section className="panel" aria-labelledby="error-rate-title">
      <header className="panel-header">
        <h2 id="error-rate-title">5xx error rate per service</h2>
        {data ? <span className="muted">{data.interval} buckets</span> : null}
      </header>
      {data?.notices.map((notice) => <p key={notice} className="banner banner-warning">{notice}</p>)}
      {isPending ? <div className="skeleton" aria-busy="true">Loading error rates…</div> : null}
      {error ? <ErrorPanel title="Error rates are unavailable" message={error.message} /> : null}
      {data && data.services.length === 0 ? (
        <EmptyState title="No request logs in this time range">Widen the range or check the index pattern in settings.</EmptyState>
      ) : null}
      {data && data.services.length > 0 ? (
        <>
          <ErrorRateChart rows={toErrorRateRows(data.points)} services={data.services} />
          <ServiceErrorTable totals={data.totals} peaks={findPeaks(data.points)} />
        </>
      ) : null}
    </section>
  );
}
