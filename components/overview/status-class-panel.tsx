"use client";

import { LazyStatusClassChart as StatusClassChart } from "@/components/charts/lazy-charts";
import { STATUS_CLASS_COLORS } from "@/components/charts/status-class-colors";
import type { ZoomHandler } from "@/components/charts/use-drag-zoom";
import { formatCount } from "@/lib/format";
import { toStatusClassRows } from "@/lib/logs/overview-series";
import type { OverviewResponse } from "@/lib/schemas/overview";
import { STATUS_CLASSES, type StatusClass } from "@/lib/schemas/status-class";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

interface Props {
  data: OverviewResponse;
  timeZone: TimeZoneMode;
  onZoom: ZoomHandler;
  onSegmentClick: (service: string, bucket: number, statusClass: StatusClass) => void;
}

/** One small stacked-bar chart per service, so a click names its bucket, service and status class. */
export function StatusClassPanel({ data, timeZone, onZoom, onSegmentClick }: Props) {
  const totals = new Map(data.totals.map((total) => [total.service, total]));
  return (
    <section className="panel" aria-labelledby="status-class-title" data-testid="status-class-panel">
      <header className="panel-header">
        <h2 id="status-class-title">Requests by status class</h2>
        <span className="ov-legend">
          {STATUS_CLASSES.map((statusClass) => (
            <span key={statusClass}><i style={{ background: STATUS_CLASS_COLORS[statusClass] }} />{statusClass}</span>
          ))}
          <span className="muted">· click a bar for its log lines</span>
        </span>
      </header>
      <div className="ov-small-multiples">
        {data.services.map((service) => (
          <div key={service} className="ov-small-multiple" data-service={service}>
            <h3>
              {service}{" "}
              <span className="muted">{formatCount(totals.get(service)?.requests ?? 0)} requests · {formatCount(totals.get(service)?.serverErrors ?? 0)} 5xx</span>
            </h3>
            <StatusClassChart
              rows={toStatusClassRows(data.points, service)}
              label={`Requests of ${service} by status class`}
              timeZone={timeZone}
              onZoom={onZoom}
              onSegmentClick={(bucket, statusClass) => onSegmentClick(service, bucket, statusClass)}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
