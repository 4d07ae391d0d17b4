"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ErrorRateRow } from "@/lib/logs/error-rate-series";
import { formatPercent } from "@/lib/format";
import { formatClock, formatDateTimeIn } from "@/lib/time/format-zoned";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";
import { seriesColor } from "./series-colors";
import { useDragZoom, type ZoomHandler } from "./use-drag-zoom";

export interface ErrorRateChartProps {
  rows: ErrorRateRow[];
  services: string[];
  timeZone?: TimeZoneMode;
  /** Called with the first and last bucket a drag covered; no zoom without it. */
  onZoom?: ZoomHandler;
  height?: number;
}

/** 5xx error rate per service as lines; takes shaped rows and never fetches. */
export function ErrorRateChart({ rows, services, timeZone = "utc", onZoom, height = 280 }: ErrorRateChartProps) {
  const zoom = useDragZoom(rows, onZoom);
  return (
    <div className="chart chart-zoomable" data-testid="error-rate-chart" role="img" aria-label={`5xx error rate per service: ${services.join(", ")}`}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} {...zoom.handlers}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis dataKey="time" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(value: number) => formatClock(value, timeZone)} stroke="var(--muted)" />
          <YAxis tickFormatter={(value: number) => formatPercent(value, 0)} domain={[0, "auto"]} width={48} stroke="var(--muted)" />
          <Tooltip
            labelFormatter={(value) => formatDateTimeIn(Number(value), timeZone, true)}
            formatter={(value) => formatPercent(typeof value === "number" ? value : null)}
            contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)" }}
          />
          <Legend />
          {services.map((service, index) => (
            <Line key={service} type="monotone" dataKey={service} name={service} stroke={seriesColor(index)} dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          ))}
          {zoom.area ? <ReferenceArea x1={zoom.area.x1} x2={zoom.area.x2} fill="var(--accent)" fillOpacity={0.15} /> : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
