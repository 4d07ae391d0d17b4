"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { CopyLinkButton } from "@/components/share/copy-link-button";
import { ShareMenu } from "@/components/share/share-menu";
import { EndpointsTable } from "@/components/slow-queries/endpoints-table";
import { ExplainPanel } from "@/components/slow-queries/explain-panel";
import { FingerprintSummary } from "@/components/slow-queries/fingerprint-summary";
import { SamplesTable } from "@/components/slow-queries/samples-table";
import { SlowQueryControls } from "@/components/slow-queries/slow-query-controls";
import { TimeControls } from "@/components/time/time-controls";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { newAlertHref } from "@/lib/alerts/new-alert-href";
import { fingerprintQueryOptions } from "@/lib/queries/slow-queries";
import { UrlStateNotice } from "@/lib/url-state/url-state-notice";
import { fingerprintSearchParams } from "./search-params";

export function FingerprintView({ fingerprint }: { fingerprint: string }) {
  const [state, setState] = useQueryStates(fingerprintSearchParams);
  const input = { fingerprint, from: state.from, to: state.to, threshold: state.threshold, service: state.service, source: state.source };
  const { data, error, isPending, isFetching } = useQuery({ ...fingerprintQueryOptions(input), placeholderData: keepPreviousData });
  const back = new URLSearchParams({ from: state.from, to: state.to });
  if (state.threshold !== null) back.set("threshold", String(state.threshold));
  const selected = data?.samples.find((sample) => sample.id === state.sample) ?? null;
  return (
    <div className="view" data-testid="fingerprint-view" aria-busy={isFetching}>
      <div className="toolbar">
        <h1>Slow query</h1>
        <div className="toolbar-actions">
          <Link href={`/slow-queries?${back.toString()}`}>All slow queries</Link>
          <Link href={newAlertHref({ measure: "slow_statements", fingerprint })}>Alert on this</Link>
          <TimeControls from={state.from} to={state.to} refresh={state.refresh} timeZone={state.tz} onChange={(change) => void setState(change, { history: "push" })} />
          <CopyLinkButton />
          <ShareMenu kind="slow-query" pathParams={{ id: fingerprint }} />
        </div>
      </div>
      <UrlStateNotice parsers={fingerprintSearchParams} />
      <SlowQueryControls key={String(state.threshold)} threshold={state.threshold} defaultThreshold={data?.thresholdMs ?? null} onChange={(change) => void setState(change)} />
      {data?.notices.map((notice) => <p key={notice} className="banner banner-warning">{notice}</p>)}
      {isPending ? <div className="skeleton" aria-busy="true">Reading this fingerprint…</div> : null}
      {error ? <ErrorPanel title="This slow query is unavailable" message={error.message} /> : null}
      {data && !error && !data.row ? <EmptyState title="No slow run of this statement in the range">Widen the range or lower the threshold.</EmptyState> : null}
      {data?.row && !error ? (
        <>
          <FingerprintSummary row={data.row} occurrences={data.occurrences} />
          <ExplainPanel sample={selected} services={data.row.services} />
          <section className="panel" aria-labelledby="samples-title">
            <header className="panel-header"><h2 id="samples-title">Samples</h2></header>
            <SamplesTable samples={data.samples} selected={state.sample} onSelect={(id) => void setState({ sample: id })} />
          </section>
          <EndpointsTable endpoints={data.endpoints} />
        </>
      ) : null}
    </div>
  );
}
