"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { LogTable } from "@/components/logs/log-table";
import { CurlCommand } from "@/components/requests/curl-command";
import { FirstError } from "@/components/requests/first-error";
import { RelatedRequests } from "@/components/requests/related-requests";
import { RequestEmptyState } from "@/components/requests/request-empty-state";
import { RequestSummary } from "@/components/requests/request-summary";
import { RequestStatements } from "@/components/requests/request-statements";
import { RequestTimeline } from "@/components/requests/request-timeline";
import { TimeShares } from "@/components/requests/time-shares";
import { WindowControls } from "@/components/requests/window-controls";
import { ShareMenu } from "@/components/share/share-menu";
import { ErrorPanel } from "@/components/ui/error-panel";
import { requestDrilldownQueryOptions } from "@/lib/queries/requests";
import type { RequestDrilldownResponse, RequestDrilldownWindow } from "@/lib/schemas/request-drilldown";
import { requestSearchParams } from "./search-params";

export function RequestView({ id }: { id: string }) {
  const [state, setState] = useQueryStates(requestSearchParams);
  const { data, error, isPending } = useQuery(requestDrilldownQueryOptions({ id, ...state }));
  const widen = (window: RequestDrilldownWindow) => void setState({ window });
  const status = (error as { status?: number } | null)?.status;
  return (
    <div className="view">
      <div className="toolbar">
        <h1>
          Request <code className="correlation-id" data-testid="request-id">{id}</code>
        </h1>
        {data && data.lines > 0 ? <WindowControls window={data.window} around={data.around} onWiden={widen} /> : null}
        <ShareMenu kind="request" pathParams={{ id }} />
      </div>
      {data?.notices.map((notice) => <p key={notice} className="banner banner-warning">{notice}</p>)}
      {isPending ? <div className="skeleton" aria-busy="true">Gathering every line of this request…</div> : null}
      {error ? (
        <ErrorPanel
          title={status === 400 ? "This request ID cannot be looked up" : status === 503 ? "Logs are unavailable" : "The request could not be loaded"}
          message={error.message}
        />
      ) : null}
      {data && data.lines === 0 ? <RequestEmptyState data={data} onWiden={widen} /> : null}
      {data && data.lines > 0 ? <RequestPanels data={data} /> : null}
    </div>
  );
}

/** The found request, panel by panel; a mark clicked in the timeline opens its line in the table. */
export function RequestPanels({ data }: { data: RequestDrilldownResponse }) {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <RequestSummary data={data} />
      <section className="panel" aria-labelledby="rq-timeline-title">
        <header className="panel-header"><h2 id="rq-timeline-title">Timeline</h2></header>
        <RequestTimeline timeline={data.timeline} selectedLineId={selected} onSelectLine={setSelected} />
      </section>
      <div className="rq-columns">
        <section className="panel" aria-labelledby="rq-time-title">
          <header className="panel-header"><h2 id="rq-time-title">Where the time went</h2></header>
          <TimeShares timeline={data.timeline} />
        </section>
        <section className="panel" aria-labelledby="rq-error-title">
          <header className="panel-header"><h2 id="rq-error-title">What went wrong</h2></header>
          <FirstError error={data.firstError} />
        </section>
      </div>
      <RequestStatements statements={data.statements} range={{ from: data.windowFrom, to: data.windowTo }} />
      <section className="panel" aria-labelledby="rq-curl-title">
        <header className="panel-header"><h2 id="rq-curl-title">Reproduce</h2></header>
        <CurlCommand curl={data.curl} />
      </section>
      <section className="panel" aria-labelledby="rq-lines-title">
        <header className="panel-header">
          <h2 id="rq-lines-title">All lines</h2>
          <span className="muted">{data.truncated ? `first ${data.logLines.length.toLocaleString("en-US")} of ${data.lines.toLocaleString("en-US")}` : `${data.lines.toLocaleString("en-US")} lines`}</span>
        </header>
        <LogTable lines={data.logLines} mapping={data.mapping} mappings={data.mappings} selectedId={selected} onSelect={setSelected} />
      </section>
      <section className="panel" aria-labelledby="rq-related-title">
        <header className="panel-header"><h2 id="rq-related-title">Related</h2></header>
        <RelatedRequests related={data.related} />
      </section>
    </>
  );
}
