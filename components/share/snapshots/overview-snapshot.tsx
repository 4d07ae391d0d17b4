"use client";

import { ErrorLinesPanel } from "@/components/overview/error-lines-panel";
import { ErrorRatePanel } from "@/components/overview/error-rate-panel";
import { StatusClassPanel } from "@/components/overview/status-class-panel";
import { TopEndpointsTable } from "@/components/overview/top-endpoints-table";
import { TopErrorsTable } from "@/components/overview/top-errors-table";
import { bucketSpan } from "@/lib/logs/overview-series";
import type { OverviewResponse } from "@/lib/schemas/overview";
import { explorerHref } from "@/lib/url-state/explorer-link";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

const noZoom = () => {};

/** The overview's panels from the stored answer; nothing is fetched, so zooming is off. */
export function OverviewSnapshot({ answers, timeZone }: { answers: { overview?: OverviewResponse }; timeZone: TimeZoneMode }) {
  const data = answers.overview;
  if (!data) return <p className="notice">This snapshot holds no overview answer.</p>;
  const colorOrder = [...data.services, ...data.errorServices.filter((service) => !data.services.includes(service))];
  const span = (first: number, last: number) => bucketSpan(first, last, data.intervalMs, data);
  return (
    <div className="ov-dashboard" data-testid="overview" data-range-from={data.from} data-range-to={data.to}>
      <ErrorRatePanel data={data} timeZone={timeZone} onZoom={noZoom} peakHref={(peak) => explorerHref({ ...span(peak.time, peak.time), service: [peak.service], status: ["5xx"], source: data.serviceSources[peak.service]?.[0] })} />
      <StatusClassPanel data={data} timeZone={timeZone} onZoom={noZoom} onSegmentClick={noZoom} />
      <ErrorLinesPanel data={data} timeZone={timeZone} onZoom={noZoom} colorIndex={(service) => colorOrder.indexOf(service)} />
      <div className="ov-columns">
        <TopEndpointsTable endpoints={data.topEndpoints} />
        <TopErrorsTable errors={data.topErrors} />
      </div>
    </div>
  );
}
