"use client";

import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format";
import { formatClock, formatDateTimeIn } from "@/lib/time/format-zoned";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";
import { useDragZoom, type ZoomHandler } from "./use-drag-zoom";

export interface LogHistogramChartProps {
  buckets: Array<{ time: number; count: number }>;
  timeZone?: TimeZoneMode;
  /** Called with the first and last bucket a drag covered; no zoom without it. */
  onZoom?: ZoomHandler;
  height?: number;
}

/** Matching log lines per bucket as bars; takes shaped buckets and never fetches. */
export function LogHistogramChart({ buckets, timeZone = "utc", onZoom, height = 140 }: LogHistogramChartProps) {
  const zoom = useDragZoom(buckets, onZoom);
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  return (
    <div className="chart chart-zoomable" data-testid="log-histogram" data-total={total} role="img" aria-label={`${formatCount(total)} matching lines over time`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={buckets} margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap={1} {...zoom.handlers}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="time" tickFormatter={(value: number) => formatClock(value, timeZone)} stroke="var(--muted)" minTickGap={40} />
          <YAxis allowDecimals={false} width={48} stroke="var(--muted)" tickFormatter={(value: number) => formatCount(value)} />
          <Tooltip
            labelFormatter={(value) => formatDateTimeIn(Number(value), timeZone, true)}
            formatter={(value) => [formatCount(Number(value)), "lines"]}
            contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)" }}
            cursor={{ fill: "var(--grid)" }}
          />
          <Bar dataKey="count" fill="var(--accent)" isAnimationActive={false} />
          {zoom.area ? <ReferenceArea x1={zoom.area.x1} x2={zoom.area.x2} fill="var(--accent)" fillOpacity={0.15} /> : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
