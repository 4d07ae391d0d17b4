"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTimeIn, formatClock } from "@/lib/time/format-zoned";
import { seriesColor } from "./series-colors";

export interface AlertValueSeries {
  key: string;
  points: { at: number; value: number | null }[];
}

export interface AlertSpan {
  seriesKey: string;
  status: "pending" | "firing";
  from: number;
  to: number;
}

export interface AlertValueChartProps {
  series: AlertValueSeries[];
  threshold: number;
  recoveryThreshold: number | null;
  spans: AlertSpan[];
  unit: string;
  height?: number;
  label: string;
}

const MAX_LINES = 8;

/** A rule's measured value per series, the threshold (and recovery) line, and pending/firing spans; takes shaped data and never fetches. */
export function AlertValueChart({ series, threshold, recoveryThreshold, spans, unit, height = 240, label }: AlertValueChartProps) {
  const shown = series.slice(0, MAX_LINES);
  const byTime = new Map<number, Record<string, number | null>>();
  for (const item of shown) for (const point of item.points) byTime.set(point.at, { ...byTime.get(point.at), [item.key]: point.value });
  const rows = [...byTime.entries()].sort(([a], [b]) => a - b).map(([time, values]) => ({ time, ...values }));
  const format = (value: number) => `${Number(value.toFixed(2))}${unit === "%" ? "%" : ` ${unit}`}`;
  return (
    <div className="chart" data-testid="alert-value-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis dataKey="time" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(value: number) => formatClock(value, "utc")} stroke="var(--muted)" />
          <YAxis domain={[0, (max: number) => Math.max(max, threshold) * 1.1]} tickFormatter={format} width={64} stroke="var(--muted)" />
          <Tooltip labelFormatter={(value) => formatDateTimeIn(Number(value), "utc", true)} formatter={(value) => (typeof value === "number" ? format(value) : "no data")} contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)" }} />
          <Legend />
          {spans.map((span, index) => (
            <ReferenceArea key={`${span.seriesKey}-${index}`} x1={span.from} x2={span.to} fill={span.status === "firing" ? "var(--danger)" : "var(--warning, #d8a23a)"} fillOpacity={span.status === "firing" ? 0.18 : 0.1} ifOverflow="extendDomain" />
          ))}
          <ReferenceLine y={threshold} stroke="var(--danger)" strokeDasharray="6 3" label={{ value: `threshold ${format(threshold)}`, position: "insideTopRight", fill: "var(--muted)", fontSize: 11 }} />
          {recoveryThreshold !== null && recoveryThreshold !== threshold ? <ReferenceLine y={recoveryThreshold} stroke="var(--muted)" strokeDasharray="2 4" label={{ value: `recovery ${format(recoveryThreshold)}`, position: "insideBottomRight", fill: "var(--muted)", fontSize: 11 }} /> : null}
          {shown.map((item, index) => (
            <Line key={item.key} type="monotone" dataKey={item.key} name={item.key === "*" ? "all services" : item.key} stroke={seriesColor(index)} dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
