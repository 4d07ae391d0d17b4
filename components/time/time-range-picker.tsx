"use client";

import { useState } from "react";
import { parseTimeExpression } from "@/lib/time/parse-time-expression";
import { QUICK_RANGES } from "./quick-ranges";

export interface TimeRangePickerProps {
  from: string;
  to: string;
  onChange: (range: { from: string; to: string }) => void;
}

/** Quick ranges plus free text (relative like now-15m or now-1d/d, or absolute ISO), applied together. */
export function TimeRangePicker({ from, to, onChange }: TimeRangePickerProps) {
  const [draft, setDraft] = useState({ from, to });
  const [lastProps, setLastProps] = useState({ from, to });
  const [problem, setProblem] = useState<string | null>(null);
  if (lastProps.from !== from || lastProps.to !== to) {
    // The URL changed under us (zoom, back button): show what is applied.
    setLastProps({ from, to });
    setDraft({ from, to });
    setProblem(null);
  }
  const quick = QUICK_RANGES.find((range) => range.from === from && range.to === to);
  return (
    <form
      className="time-range"
      aria-label="Time range"
      onSubmit={(event) => {
        event.preventDefault();
        // Syntax is checked here so a typo never reaches the URL; order and length are the server's to judge.
        const invalid = (["from", "to"] as const).map((field) => ({ field, result: parseTimeExpression(draft[field], new Date()) })).find(({ result }) => !result.ok);
        if (invalid && !invalid.result.ok) return setProblem(`${invalid.field}: ${invalid.result.message}`);
        setProblem(null);
        onChange({ from: draft.from.trim(), to: draft.to.trim() });
      }}
    >
      <select
        aria-label="Quick range"
        value={quick?.from ?? ""}
        onChange={(event) => {
          const range = QUICK_RANGES.find((candidate) => candidate.from === event.target.value);
          if (range) onChange({ from: range.from, to: range.to });
        }}
      >
        <option value="">Custom</option>
        {QUICK_RANGES.map((range) => (
          <option key={range.from} value={range.from}>{range.label}</option>
        ))}
      </select>
      <input aria-label="From" placeholder="now-15m or 2026-11-25T10:00Z" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} size={22} />
      <span>→</span>
      <input aria-label="To" placeholder="now" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} size={22} />
      <button type="submit">Apply</button>
      {problem ? <span className="error-text" role="alert">{problem}</span> : null}
    </form>
  );
}
