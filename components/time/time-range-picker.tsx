"use client";

import { useState } from "react";
import { QUICK_RANGES } from "./quick-ranges";

export interface TimeRangePickerProps {
  from: string;
  to: string;
  onChange: (range: { from: string; to: string }) => void;
}

/** Quick ranges plus free text (relative like now-15m or absolute ISO), applied together. */
export function TimeRangePicker({ from, to, onChange }: TimeRangePickerProps) {
  const [draft, setDraft] = useState({ from, to });
  const [lastProps, setLastProps] = useState({ from, to });
  if (lastProps.from !== from || lastProps.to !== to) {
    // The URL changed under us (zoom, back button): show what is applied.
    setLastProps({ from, to });
    setDraft({ from, to });
  }
  const quick = QUICK_RANGES.find((range) => range.from === from && to === "now");
  return (
    <form
      className="time-range"
      aria-label="Time range"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft);
      }}
    >
      <select
        aria-label="Quick range"
        value={quick?.from ?? ""}
        onChange={(event) => event.target.value && onChange({ from: event.target.value, to: "now" })}
      >
        <option value="">Custom</option>
        {QUICK_RANGES.map((range) => (
          <option key={range.from} value={range.from}>{range.label}</option>
        ))}
      </select>
      <input aria-label="From" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} size={22} />
      <span>→</span>
      <input aria-label="To" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} size={22} />
      <button type="submit">Apply</button>
      <span className="muted">UTC</span>
    </form>
  );
}
