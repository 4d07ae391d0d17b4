"use client";

import { useSyncExternalStore } from "react";
import { timeZoneLabel } from "@/lib/time/format-zoned";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

const noSubscription = () => () => {};

/** UTC or browser time; the browser's zone name is read on the client only, so server and client render alike. */
export function TimeZoneToggle({ value, onChange }: { value: TimeZoneMode; onChange: (value: TimeZoneMode) => void }) {
  const browserZone = useSyncExternalStore(noSubscription, () => timeZoneLabel("browser"), () => "browser time");
  return (
    <label className="time-control">
      <span className="muted">Times in</span>
      <select aria-label="Time zone" value={value} onChange={(event) => onChange(event.target.value as TimeZoneMode)}>
        <option value="utc">UTC</option>
        <option value="browser">{browserZone}</option>
      </select>
    </label>
  );
}
