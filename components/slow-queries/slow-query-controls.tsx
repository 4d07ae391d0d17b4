"use client";

import { useState } from "react";
import { SLOW_QUERY_SORTS, THRESHOLD_BOUNDS, type SlowQuerySort } from "@/lib/schemas/slow-queries";

const SORT_LABELS: Record<SlowQuerySort, string> = { total: "Total time", p95: "p95", count: "Count" };

/** Threshold (applied on submit, so typing does not query per keystroke) and sort order. */
export function SlowQueryControls({ threshold, defaultThreshold, sort, onChange }: {
  threshold: number | null;
  defaultThreshold: number | null;
  sort?: SlowQuerySort;
  onChange: (change: { threshold?: number | null; sort?: SlowQuerySort }) => void;
}) {
  const [text, setText] = useState(threshold === null ? "" : String(threshold));
  return (
    <form
      className="sq-controls"
      aria-label="Slow query settings"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ threshold: text.trim() === "" ? null : Number(text) });
      }}
    >
      <label className="time-control">
        <span>Threshold (ms)</span>
        <input
          type="number"
          name="threshold"
          min={THRESHOLD_BOUNDS.min}
          max={THRESHOLD_BOUNDS.max}
          step={1}
          value={text}
          placeholder={defaultThreshold === null ? "default" : String(defaultThreshold)}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="submit">Apply</button>
      {sort ? (
        <label className="time-control">
          <span>Sort by</span>
          <select value={sort} onChange={(event) => onChange({ sort: event.target.value as SlowQuerySort })}>
            {SLOW_QUERY_SORTS.map((value) => <option key={value} value={value}>{SORT_LABELS[value]}</option>)}
          </select>
        </label>
      ) : null}
    </form>
  );
}
