"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { LazyLogHistogramChart as LogHistogramChart } from "@/components/charts/lazy-charts";
import { ColumnChooser } from "@/components/logs/column-chooser";
import { ExportMenu } from "@/components/logs/export-menu";
import { FieldSidebar } from "@/components/logs/field-sidebar";
import { FilterBar } from "@/components/logs/filter-bar";
import { LogResultsPanel } from "@/components/logs/log-results-panel";
import { QueryBox } from "@/components/logs/query-box";
import { SourcePicker } from "@/components/logs/source-picker";
import { CopyLinkButton } from "@/components/share/copy-link-button";
import { TimeControls, type TimeControlsChange } from "@/components/time/time-controls";
import { addFieldClause } from "@/lib/logs/query-fields";
import { highlightTerms } from "@/lib/logs/flatten-document";
import type { ApiRequestError } from "@/lib/queries/fetch-json";
import { logFieldsQueryOptions, logPageQueryOptions } from "@/lib/queries/logs";
import { UrlStateNotice } from "@/lib/url-state/url-state-notice";
import { useRefreshInterval } from "@/lib/url-state/use-refresh-interval";
import { logsSearchParams, PAGE_SIZES } from "./search-params";

type ViewState = ReturnType<typeof useQueryStates<typeof logsSearchParams>>[0];

export function LogsView() {
  const [state, setState] = useQueryStates(logsSearchParams);
  const { from, to, source, q, service, environment, level, status, order, size, cursor } = state;
  const refetchInterval = useRefreshInterval(state.refresh);
  // Auto-refresh follows the live first page; a later page is a frozen snapshot.
  const page = useQuery({ ...logPageQueryOptions({ from, to, source, q, service, environment, level, status, order, size, cursor }), refetchInterval: cursor ? false : refetchInterval });
  const fields = useQuery(logFieldsQueryOptions(source ?? undefined));
  const data = page.data;
  const error = page.error as ApiRequestError | null;

  // Changing what is searched starts again at the first page, with no line open.
  const search = (change: Partial<ViewState>) => void setState({ ...change, cursor: null, line: null });
  const onTimeChange = (change: TimeControlsChange) => ("from" in change || "to" in change ? search(change) : void setState(change));
  const include = (field: string, value: string, negate = false) => search({ q: addFieldClause(q, field, value, negate) });
  const topValues = data?.topValues ?? [];
  const suggestions = { service: topValues[0]?.values.map((v) => v.value), level: [...new Set(topValues[1]?.values.map((v) => v.label ?? v.value))] };
  // The range the lines were read with: resolved, and frozen while paging.
  const range = data ? { from: data.from, to: data.to } : { from, to };
  const knownFields = fields.data ? new Set(fields.data.fields.map((f) => f.name)) : null;
  const unknownColumns = knownFields ? state.columns.filter((column) => !knownFields.has(column)) : [];
  const columns = state.columns.filter((column) => !unknownColumns.includes(column));

  return (
    <div className="view lx-view">
      <div className="toolbar">
        <h1>Logs</h1>
        <SourcePicker value={source ?? data?.sourceName ?? null} onChange={(next) => search({ source: next, columns: [] })} />
        <TimeControls from={from} to={to} refresh={state.refresh} timeZone={state.tz} onChange={onTimeChange} />
        <div className="lx-actions">
          <CopyLinkButton />
          <ExportMenu filters={{ ...range, source, q, service, environment, level, status, order, columns }} />
        </div>
      </div>
      <UrlStateNotice parsers={logsSearchParams} />
      {unknownColumns.length ? (
        <p className="banner banner-warning" role="status">
          {unknownColumns.join(", ")} {unknownColumns.length === 1 ? "is" : "are"} not a field of these logs, so the column is hidden.{" "}
          <button type="button" className="link-button" onClick={() => void setState({ columns })}>Remove from the link</button>
        </p>
      ) : null}
      <QueryBox value={q} onSubmit={(next) => search({ q: next })} serverError={error?.status === 400 ? (error.fields?.q ?? null) : null} queryFields={data?.queryFields} />
      <FilterBar service={service} environment={environment} level={level} status={status} suggestions={suggestions} onChange={search} />
      <section className="panel" aria-labelledby="lx-histogram-title">
        <header className="panel-header">
          <h2 id="lx-histogram-title">Matching lines over time</h2>
          {data ? <span className="muted">{data.histogram.interval} buckets{cursor ? " · range frozen while paging" : ""}</span> : null}
        </header>
        {data && !error ? (
          <LogHistogramChart
            buckets={data.histogram.buckets}
            timeZone={state.tz}
            onZoom={(first, last) => search({ from: new Date(first).toISOString(), to: new Date(last + data.histogram.intervalMs).toISOString() })}
          />
        ) : null}
      </section>
      <div className="lx-body">
        <FieldSidebar
          topValues={error ? [] : topValues}
          total={data?.total ?? 0}
          fields={fields.data?.fields}
          fieldsError={fields.error?.message ?? null}
          filters={{ ...range, source, q, service, environment, level, status }}
          onInclude={(field, value) => include(field, value)}
          onExclude={(field, value) => include(field, value, true)}
        />
        <LogResultsPanel
          data={data}
          error={error}
          isPending={page.isPending}
          isFetching={page.isFetching}
          columns={columns}
          highlight={highlightTerms(q)}
          selectedLine={state.line}
          onSelectLine={(line) => void setState({ line })}
          onNavigate={(next) => void setState({ cursor: next, line: null })}
          controls={
            <>
              <label className="lx-control">
                Order{" "}
                <select value={order} onChange={(event) => search({ order: event.target.value as ViewState["order"] })}>
                  <option value="desc">Newest first</option>
                  <option value="asc">Oldest first</option>
                </select>
              </label>
              <label className="lx-control">
                Per page{" "}
                <select value={size} onChange={(event) => search({ size: Number(event.target.value) as ViewState["size"] })}>
                  {PAGE_SIZES.map((option) => <option key={option} value={option}>{option}</option>)}
                </select>
              </label>
              <ColumnChooser columns={columns} fields={fields.data?.fields} onChange={(next) => void setState({ columns: next })} />
            </>
          }
        />
      </div>
    </div>
  );
}
