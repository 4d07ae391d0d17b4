"use client";

import { REFRESH_INTERVALS, type RefreshInterval } from "@/lib/url-state/time-parsers";

const LABELS: Record<RefreshInterval, string> = { off: "Off", "5s": "5 s", "10s": "10 s", "30s": "30 s", "1m": "1 min" };

/** Auto-refresh interval; the view pauses it while the tab is hidden. */
export function RefreshPicker({ value, onChange }: { value: RefreshInterval; onChange: (value: RefreshInterval) => void }) {
  return (
    <label className="time-control">
      <span className="muted">Refresh</span>
      <select aria-label="Auto-refresh" value={value} onChange={(event) => onChange(event.target.value as RefreshInterval)}>
        {REFRESH_INTERVALS.map((interval) => (
          <option key={interval} value={interval}>{LABELS[interval]}</option>
        ))}
      </select>
    </label>
  );
}
