"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { CopyLinkButton } from "@/components/share/copy-link-button";
import { ShareMenu } from "@/components/share/share-menu";
import { SlowQueriesTable } from "@/components/slow-queries/slow-queries-table";
import { SlowQueryControls } from "@/components/slow-queries/slow-query-controls";
import { TimeControls } from "@/components/time/time-controls";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { formatCount } from "@/lib/format";
import { slowQueriesQueryOptions } from "@/lib/queries/slow-queries";
import { slowQueryHref } from "@/lib/url-state/slow-query-link";
import { UrlStateNotice } from "@/lib/url-state/url-state-notice";
import { useRefreshInterval } from "@/lib/url-state/use-refresh-interval";
import { slowQueriesSearchParams } from "./search-params";

export function SlowQueriesView() {
  const [state, setState] = useQueryStates(slowQueriesSearchParams);
  const refetchInterval = useRefreshInterval(state.refresh);
  const input = { from: state.from, to: state.to, threshold: state.threshold, sort: state.sort, service: state.service, source: state.source };
  const { data, error, isPending, isFetching } = useQuery({ ...slowQueriesQueryOptions(input), refetchInterval, placeholderData: keepPreviousData });
  return (
    <div className="view" data-testid="slow-queries-view" aria-busy={isFetching}>
      <div className="toolbar">
        <h1>Slow queries</h1>
        <div className="toolbar-actions">
          <TimeControls from={state.from} to={state.to} refresh={state.refresh} timeZone={state.tz} onChange={(change) => void setState(change, { history: "push" })} />
          <CopyLinkButton />
          <ShareMenu kind="slow-queries" />
        </div>
      </div>
      <UrlStateNotice parsers={slowQueriesSearchParams} />
      <SlowQueryControls key={String(state.threshold)} threshold={state.threshold} defaultThreshold={data?.thresholdMs ?? null} sort={state.sort} onChange={(change) => void setState(change)} />
      {data?.notices.map((notice) => <p key={notice} className="banner banner-warning">{notice}</p>)}
      {isPending ? <div className="skeleton" aria-busy="true">Grouping slow statements…</div> : null}
      {error ? <ErrorPanel title="Slow queries are unavailable" message={error.message} /> : null}
      {data && !error ? (
        <section className="panel" aria-labelledby="slow-queries-title">
          <header className="panel-header">
            <h2 id="slow-queries-title">Statements at or over {formatCount(data.thresholdMs)} ms</h2>
            <span className="muted" data-testid="slow-queries-summary">
              {formatCount(data.slowLines)} slow lines, {formatCount(data.fingerprints)} fingerprints, {data.roundTrips} engine round trips
            </span>
          </header>
          {data.rows.length === 0 ? (
            <EmptyState title="No statement this slow in the range">Lower the threshold, widen the range, or map the SQL statement field in Settings.</EmptyState>
          ) : (
            <SlowQueriesTable rows={data.rows} hrefFor={(fingerprint) => slowQueryHref(fingerprint, { from: state.from, to: state.to, threshold: state.threshold, source: state.source })} />
          )}
        </section>
      ) : null}
    </div>
  );
}
