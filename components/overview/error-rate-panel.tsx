"use client";

import { LazyErrorRateChart as ErrorRateChart } from "@/components/charts/lazy-charts";
import type { ZoomHandler } from "@/components/charts/use-drag-zoom";
import { findPeaks, toErrorRateRows, type ServicePeak } from "@/lib/logs/error-rate-series";
import type { OverviewResponse } from "@/lib/schemas/overview";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";
import { ServiceErrorTable } from "./service-error-table";

interface Props {
  data: OverviewResponse;
  timeZone: TimeZoneMode;
  onZoom: ZoomHandler;
  peakHref: (peak: ServicePeak) => string;
}

/** 5xx error rate per service, with the per-service numbers underneath. */
export function ErrorRatePanel({ data, timeZone, onZoom, peakHref }: Props) {
  return (
    <section className="panel" aria-labelledby="error-rate-title">
      <header className="panel-header">
        <h2 id="error-rate-title">5xx error rate per service</h2>
        <span className="muted">{data.interval} buckets · drag across a chart to zoom</span>
      </header>
      <ErrorRateChart rows={toErrorRateRows(data.points)} services={data.services} timeZone={timeZone} onZoom={onZoom} />
      <ServiceErrorTable totals={data.totals} peaks={findPeaks(data.points)} timeZone={timeZone} peakHref={peakHref} />
    </section>
  );
}
