"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { ApiRequestError } from "@/lib/queries/fetch-json";
import type { LogSearchResponse } from "@/lib/schemas/log-search";
import { LogTable } from "./log-table";
import { Pager } from "./pager";

export interface LogResultsPanelProps {
  data: LogSearchResponse | undefined;
  error: ApiRequestError | null;
  isPending: boolean;
  isFetching: boolean;
  columns: string[];
  highlight: string[];
  selectedLine: string | null;
  onSelectLine: (id: string | null) => void;
  onNavigate: (cursor: string | null) => void;
  /** Header controls (order, page size, columns). */
  controls: React.ReactNode;
}

const n = (value: number) => value.toLocaleString("en-US");

/** The table of lines with "N of M lines" and the pager; an error here leaves the rest of the page working. */
export function LogResultsPanel({ data, error, isPending, isFetching, columns, highlight, selectedLine, onSelectLine, onNavigate, controls }: LogResultsPanelProps) {
  const selectedMissing = Boolean(data && selectedLine && !data.lines.some((line) => line.id === selectedLine));
  return (
    <section className="panel lx-results" aria-labelledby="lx-results-title" aria-busy={isFetching}>
      <header className="panel-header lx-results-header">
        <h2 id="lx-results-title">Log lines</h2>
        {data ? <span className="muted" data-testid="line-count">{n(data.lines.length)} of {n(data.total)} lines</span> : null}
        <span className="spacer" />
        {controls}
      </header>
      {isPending ? <div className="skeleton" aria-busy="true">Searching…</div> : null}
      {error ? <ResultsError error={error} onFirstPage={() => onNavigate(null)} /> : null}
      {data && !error ? (
        <>
          {data.notices.map((notice) => <p key={notice} className="banner banner-warning">{notice}</p>)}
          {selectedMissing ? (
            <p className="notice">
              The line this link selected is not on this page.{" "}
              <button type="button" className="link-button" onClick={() => onSelectLine(null)}>Clear the selection</button>
            </p>
          ) : null}
          <Pager paging={data.paging} shown={data.lines.length} total={data.total} onNavigate={onNavigate} disabled={isFetching} />
          {data.lines.length === 0 ? (
            <EmptyState title="No log lines match">Widen the time range, remove a filter or loosen the query.</EmptyState>
          ) : (
            <LogTable lines={data.lines} mapping={data.mapping} columns={columns} highlight={highlight} selectedId={selectedLine} onSelect={onSelectLine} />
          )}
          {data.lines.length > 20 ? <Pager paging={data.paging} shown={data.lines.length} total={data.total} onNavigate={onNavigate} disabled={isFetching} /> : null}
        </>
      ) : null}
    </section>
  );
}

function ResultsError({ error, onFirstPage }: { error: ApiRequestError; onFirstPage: () => void }) {
  if (error.status === 400 && error.fields?.q) return <p className="notice">Fix the query above to see lines.</p>;
  if (error.status === 400 && error.fields?.cursor) {
    return (
      <div className="error-panel" role="alert">
        <strong>This page link cannot be followed</strong>
        <p>{error.message}</p>
        <button type="button" onClick={onFirstPage}>Go to the first page</button>
      </div>
    );
  }
  const title = error.status === 400 ? "This search cannot run" : error.status === 503 ? "Logs are unavailable" : "The log lines could not be loaded";
  return <ErrorPanel title={title} message={error.message} />;
}
