"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { bucketSpan } from "@/lib/logs/overview-series";
import { overviewQueryOptions, type OverviewQueryInput } from "@/lib/queries/overview";
import { logSourcesQueryOptions } from "@/lib/queries/sources";
import type { OverviewResponse } from "@/lib/schemas/overview";
import type { StatusClass } from "@/lib/schemas/status-class";
import { explorerHref } from "@/lib/url-state/explorer-link";
import type { RefreshInterval, TimeZoneMode } from "@/lib/url-state/time-parsers";
import { useRefreshInterval } from "@/lib/url-state/use-refresh-interval";
import { ErrorLinesPanel } from "./error-lines-panel";
import { ErrorRatePanel } from "./error-rate-panel";
import { OverviewFilters } from "./overview-filters";
import { SlowQueriesCard } from "./slow-queries-card";
import { StatusClassPanel } from "./status-class-panel";
import { TopEndpointsTable } from "./top-endpoints-table";
import { TopErrorsTable } from "./top-errors-table";
import { TopListsAsOf, ViewWindowNote } from "@/components/ui/view-freshness-note";

export interface OverviewDashboardProps {
  input: OverviewQueryInput;
  refresh: RefreshInterval;
  timeZone: TimeZoneMode;
  onFiltersChange: (change: { service?: string[]; environment?: string[]; source?: string[] }) => void;
  /** A new absolute range (ISO) chosen by dragging across a chart. */
  onZoom: (range: { from: string; to: string }) => void;
}

/** The overview's panels from ONE API call; panels only render what it answered. */
export function OverviewDashboard({ input, refresh, timeZone, onFiltersChange, onZoom }: OverviewDashboardProps) {
  const router = useRouter();
  const refetchInterval = useRefreshInterval(refresh);
  // Keeping the previous answer while a zoom or refresh loads avoids the charts blinking out.
  const { data, error, isPending, isFetching } = useQuery({ ...overviewQueryOptions(input), refetchInterval, placeholderData: keepPreviousData });
  const span = (data: OverviewResponse, first: number, last: number) => bucketSpan(first, last, data.intervalMs, data);
  const sources = useQuery(logSourcesQueryOptions()).data?.sources.filter((source) => source.enabled).map((source) => source.name) ?? [];
  const colorOrder = data ? [...data.services, ...data.errorServices.filter((service) => !data.services.includes(service))] : [];

  return (
    <div className="ov-dashboard" data-testid="overview" data-range-from={data?.from} data-range-to={data?.to} aria-busy={isFetching}>
      <OverviewFilters
        available={{ ...(data?.available ?? { services: [], environments: [] }), sources }}
        service={input.service}
        environment={input.environment}
        source={input.source}
        onChange={onFiltersChange}
      />
      {data?.notices.map((notice) => <p key={notice} className="banner banner-warning">{notice}</p>)}
      {isPending ? <div className="skeleton" aria-busy="true">Loading the overview…</div> : null}
      {error ? <ErrorPanel title="The overview is unavailable" message={error.message} /> : null}
      {data && !error && data.services.length === 0 && data.errorServices.length === 0 ? (
        <EmptyState title="No logs in this time range">Widen the range, clear the filters, or check the index pattern in settings.</EmptyState>
      ) : null}
      {data && !error && (data.services.length > 0 || data.errorServices.length > 0) ? (
        <>
          <ViewWindowNote freshness={data.freshness} from={data.from} to={data.to} interval={data.interval} timeZone={timeZone} />
          <ErrorRatePanel
            data={data}
            timeZone={timeZone}
            onZoom={(first, last) => onZoom(span(data, first, last))}
            peakHref={(peak) => explorerHref({ ...span(data, peak.time, peak.time), service: [peak.service], environment: input.environment, status: ["5xx"], source: data.serviceSources[peak.service]?.[0] })}
          />
          <StatusClassPanel
            data={data}
            timeZone={timeZone}
            onZoom={(first, last) => onZoom(span(data, first, last))}
            onSegmentClick={(service: string, bucket: number, statusClass: StatusClass) =>
              router.push(explorerHref({ ...span(data, bucket, bucket), service: [service], environment: input.environment, status: [statusClass], source: data.serviceSources[service]?.[0] }))
            }
          />
          <ErrorLinesPanel data={data} timeZone={timeZone} onZoom={(first, last) => onZoom(span(data, first, last))} colorIndex={(service) => colorOrder.indexOf(service)} />
          <div className="ov-columns">
            <TopEndpointsTable endpoints={data.topEndpoints} asOf={<TopListsAsOf topLists={data.freshness.topLists} timeZone={timeZone} />} />
            <TopErrorsTable errors={data.topErrors} asOf={<TopListsAsOf topLists={data.freshness.topLists} timeZone={timeZone} />} />
          </div>
          <SlowQueriesCard rows={data.slowQueries} thresholdMs={data.slowQueryThresholdMs} range={{ from: input.from, to: input.to }} />
        </>
      ) : null}
    </div>
  );
}
