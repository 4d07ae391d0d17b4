"use client";

import { useShortcuts } from "@/components/keyboard/shortcut-registry";
import { shiftTimeRange, zoomOutTimeRange } from "@/lib/time/shift-time-range";
import type { RefreshInterval, TimeState, TimeZoneMode } from "@/lib/url-state/time-parsers";
import { RefreshPicker } from "./refresh-picker";
import { TimeRangePicker } from "./time-range-picker";
import { TimeZoneToggle } from "./time-zone-toggle";

/** A partial of the shared time state, keyed like `timeParsers`, so a view can pass nuqs' setState straight through. */
export type TimeControlsChange = Partial<TimeState>;

export interface TimeControlsProps {
  from: string;
  to: string;
  refresh: RefreshInterval;
  timeZone: TimeZoneMode;
  onChange: (change: TimeControlsChange) => void;
}

/** Range (quick, relative, absolute), auto-refresh and time zone: the time toolbar every view shares. */
export function TimeControls({ from, to, refresh, timeZone, onChange }: TimeControlsProps) {
  const apply = (next: { from: string; to: string } | null) => (next ? onChange(next) : false);
  useShortcuts([
    { key: "[", keys: "[ / ]", group: "Time range", description: "Shift the range back / forward by its length", run: () => apply(shiftTimeRange({ from, to }, -1, new Date())) },
    { key: "]", keys: "[ / ]", group: "Time range", description: "Shift the range back / forward by its length", run: () => apply(shiftTimeRange({ from, to }, 1, new Date())) },
    { key: "z", group: "Time range", description: "Zoom out: twice the range around its middle", run: () => apply(zoomOutTimeRange({ from, to }, new Date())) },
  ]);
  return (
    <div className="time-controls" role="group" aria-label="Time">
      <TimeRangePicker from={from} to={to} onChange={(range) => onChange(range)} />
      <RefreshPicker value={refresh} onChange={(value) => onChange({ refresh: value })} />
      <TimeZoneToggle value={timeZone} onChange={(value) => onChange({ tz: value })} />
    </div>
  );
}
