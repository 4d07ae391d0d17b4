"use client";

import { useState } from "react";

const DURATIONS = [
  { label: "1 hour", ms: 3_600_000 },
  { label: "4 hours", ms: 4 * 3_600_000 },
  { label: "24 hours", ms: 24 * 3_600_000 },
  { label: "7 days", ms: 7 * 24 * 3_600_000 },
] as const;

/** "Silence for …": picks an end time; the silence holds notifications, not state changes. */
export function SilenceControl({ target, onSilence, disabled }: { target: string; onSilence: (endsAt: string) => void; disabled?: boolean }) {
  const [ms, setMs] = useState<number>(DURATIONS[0].ms);
  return (
    <span className="silence-control">
      <label>
        <span className="visually-hidden">Silence {target} for</span>
        <select value={ms} onChange={(event) => setMs(Number(event.target.value))} disabled={disabled}>
          {DURATIONS.map((duration) => <option key={duration.ms} value={duration.ms}>{duration.label}</option>)}
        </select>
      </label>
      <button type="button" disabled={disabled} onClick={() => onSilence(new Date(Date.now() + ms).toISOString())}>
        Silence<span className="visually-hidden"> {target}</span>
      </button>
    </span>
  );
}
