"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format";
import type { CountRow } from "@/lib/logs/overview-series";
import { formatClock, formatDateTimeIn } from "@/lib/time/format-zoned";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";
import { seriesColor } from "./series-colors";
import { useDragZoom, type ZoomHandler } from "./use-drag-zoom";

export interface ErrorCountChartProps {
  rows: CountRow[];
  /** Series in colour order; pass the same order as the other charts so a service keeps its colour. */
  services: string[];
  colorIndex?: (service: string) => number;
  timeZone?: TimeZoneMode;
  onZoom?: ZoomHandler;
  height?: number;
}

/** ERROR and FATAL lines per bucket, stacked by service; takes shaped rows and never fetches. */
export function ErrorCountChart({ rows, services, colorIndex, timeZone = "utc", onZoom, height = 200 }: ErrorCountChartProps) {
  const zoom = useDragZoom(rows, onZoom);
  return (
    <div className="chart chart-zoomable" data-testid="error-count-chart" role="img" aria-label={`ERROR and FATAL lines per service: ${services.join(", ")}`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} barCategoryGap={1} {...zoom.handlers}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="time" tickFormatter={(value: number) => formatClock(value, timeZone)} stroke="var(--muted)" minTickGap={24} />
          <YAxis width={40} stroke="var(--muted)" allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} />
          <Tooltip
            labelFormatter={(value) => formatDateTimeIn(Number(value), timeZone, true)}
            formatter={(value, name) => [formatCount(Number(value)), String(name)]}
            contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)" }}
            cursor={{ fill: "var(--chart-cursor)" }}
          />
          <Legend />
          {services.map((service, index) => (
            <Bar key={service} dataKey={service} name={service} stackId="errors" fill={seriesColor(colorIndex ? colorIndex(service) : index)} isAnimationActive={false} />
          ))}
          {zoom.area ? <ReferenceArea x1={zoom.area.x1} x2={zoom.area.x2} fill="var(--accent)" fillOpacity={0.15} /> : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
