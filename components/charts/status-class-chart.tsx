"use client";

import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatCount } from "@/lib/format";
import type { StatusClassRow } from "@/lib/logs/overview-series";
import { formatClock, formatDateTimeIn } from "@/lib/time/format-zoned";
import { STATUS_CLASSES, type StatusClass } from "@/lib/schemas/status-class";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";
import { STATUS_CLASS_COLORS } from "./status-class-colors";
import { useDragZoom, type ZoomHandler } from "./use-drag-zoom";


/**
 * One stable shape per class (defined once, not per render), so React keeps the same <rect> between
 * press and release; the data attributes name each segment's bucket, class and count.
 */
const SEGMENT_SHAPES = Object.fromEntries(
  STATUS_CLASSES.map((statusClass) => [
    statusClass,
    function Segment(props: BarShapeProps) {
      const row = props.payload as StatusClassRow | undefined;
      return <rect x={props.x} y={props.y} width={Math.max(props.width, 0)} height={Math.max(props.height, 0)} fill={STATUS_CLASS_COLORS[statusClass]} data-time={row?.time} data-status-class={statusClass} data-count={row?.[statusClass]} />;
    },
  ]),
) as Record<StatusClass, (props: BarShapeProps) => React.ReactElement>;

export interface StatusClassChartProps {
  rows: StatusClassRow[];
  /** Names the chart for assistive tech and tests. */
  label: string;
  timeZone?: TimeZoneMode;
  onZoom?: ZoomHandler;
  /** A click on one bar segment: its bucket start and status class. */
  onSegmentClick?: (bucket: number, statusClass: StatusClass) => void;
  height?: number;
}

/** Request lines per bucket stacked by status class; takes shaped rows and never fetches. */
export function StatusClassChart({ rows, label, timeZone = "utc", onZoom, onSegmentClick, height = 140 }: StatusClassChartProps) {
  const zoom = useDragZoom(rows, onZoom);
  return (
    <div className="chart chart-zoomable" data-testid="status-class-chart" data-label={label} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barCategoryGap={1} {...zoom.handlers}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="time" tickFormatter={(value: number) => formatClock(value, timeZone)} stroke="var(--muted)" minTickGap={24} />
          <YAxis width={40} stroke="var(--muted)" allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} />
          <Tooltip
            labelFormatter={(value) => formatDateTimeIn(Number(value), timeZone, true)}
            formatter={(value, name) => [formatCount(Number(value)), String(name)]}
            contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)" }}
            cursor={{ fill: "var(--chart-cursor)" }}
          />
          {STATUS_CLASSES.map((statusClass) => (
            <Bar
              key={statusClass}
              dataKey={statusClass}
              name={statusClass}
              stackId="status"
              fill={STATUS_CLASS_COLORS[statusClass]}
              isAnimationActive={false}
              cursor={onSegmentClick ? "pointer" : undefined}
              onClick={(_, index) => {
                const row = rows[index];
                if (row && onSegmentClick) onSegmentClick(row.time, statusClass);
              }}
              shape={SEGMENT_SHAPES[statusClass]}
            />
          ))}
          {zoom.area ? <ReferenceArea x1={zoom.area.x1} x2={zoom.area.x2} fill="var(--accent)" fillOpacity={0.15} /> : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
