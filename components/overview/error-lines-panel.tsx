"use client";

import { LazyErrorCountChart as ErrorCountChart } from "@/components/charts/lazy-charts";
import type { ZoomHandler } from "@/components/charts/use-drag-zoom";
import { EmptyState } from "@/components/ui/empty-state";
import { toErrorCountRows } from "@/lib/logs/overview-series";
import type { OverviewResponse } from "@/lib/schemas/overview";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

interface Props {
  data: OverviewResponse;
  timeZone: TimeZoneMode;
  onZoom: ZoomHandler;
  colorIndex: (service: string) => number;
}

/** ERROR and FATAL lines over time, stacked by service: errors that never become a 5xx show here. */
export function ErrorLinesPanel({ data, timeZone, onZoom, colorIndex }: Props) {
  return (
    <section className="panel" aria-labelledby="error-lines-title">
      <header className="panel-header">
        <h2 id="error-lines-title">ERROR and FATAL lines per service</h2>
      </header>
      {data.errorServices.length === 0 ? (
        <EmptyState title="No ERROR or FATAL lines in this range" />
      ) : (
        <ErrorCountChart rows={toErrorCountRows(data.errorPoints)} services={data.errorServices} colorIndex={colorIndex} timeZone={timeZone} onZoom={onZoom} />
      )}
    </section>
  );
}
