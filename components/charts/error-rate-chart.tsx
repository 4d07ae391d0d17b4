"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ErrorRateRow } from "@/lib/logs/error-rate-series";
import { formatPercent, formatTime } from "@/lib/format";
import { seriesColor } from "./series-colors";

export interface ErrorRateChartProps {
  rows: ErrorRateRow[];
  services: string[];
  height?: number;
}

/** 5xx error rate per service as lines; takes shaped rows and never fetches. */
export function ErrorRateChart({ rows, services, height = 280 }: ErrorRateChartProps) {
  return (
    <div className="chart" data-testid="error-rate-chart" role="img" aria-label={`5xx error rate per service: ${services.join(", ")}`}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis dataKey="time" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(value: number) => formatTime(value)} stroke="var(--muted)" />
          <YAxis tickFormatter={(value: number) => formatPercent(value, 0)} domain={[0, "auto"]} width={48} stroke="var(--muted)" />
          <Tooltip
            labelFormatter={(value) => `${formatTime(Number(value), true)} UTC`}
            formatter={(value) => formatPercent(typeof value === "number" ? value : null)}
            contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)" }}
          />
          <Legend />
          {services.map((service, index) => (
            <Line key={service} type="monotone" dataKey={service} name={service} stroke={seriesColor(index)} dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
