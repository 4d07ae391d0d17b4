"use client";

import { useId, useState } from "react";
import { STATUS_CLASSES, type StatusClass } from "@/lib/schemas/status-class";

export interface LogFilters {
  service: string[];
  environment: string[];
  level: string[];
  status: StatusClass[];
}

export interface FilterBarProps extends LogFilters {
  /** Values to offer while typing (the current top values). */
  suggestions: Partial<Record<"service" | "environment" | "level", string[]>>;
  onChange: (change: Partial<LogFilters>) => void;
}

const LABELS = { service: "Service", environment: "Environment", level: "Level" } as const;

/** Service, environment and level as removable chips with an "add" box; status classes as toggles. */
export function FilterBar(props: FilterBarProps) {
  return (
    <div className="lx-filters" role="group" aria-label="Filters">
      {(["service", "environment", "level"] as const).map((key) => (
        <ChipFilter key={key} name={key} values={props[key]} suggestions={props.suggestions[key] ?? []} onChange={(values) => props.onChange({ [key]: values })} />
      ))}
      <div className="lx-filter" role="group" aria-label="Status class">
        <span className="muted">Status</span>
        {STATUS_CLASSES.map((cls) => {
          const on = props.status.includes(cls);
          return (
            <button key={cls} type="button" aria-pressed={on} className={on ? "lx-toggle is-on" : "lx-toggle"} onClick={() => props.onChange({ status: on ? props.status.filter((s) => s !== cls) : [...props.status, cls] })}>
              {cls}
            </button>
          );
        })}
      </div>
    </div>
  );
}

function ChipFilter({ name, values, suggestions, onChange }: { name: keyof typeof LABELS; values: string[]; suggestions: string[]; onChange: (values: string[]) => void }) {
  const [draft, setDraft] = useState("");
  const listId = useId();
  return (
    <form
      className="lx-filter"
      aria-label={`${LABELS[name]} filter`}
      onSubmit={(event) => {
        event.preventDefault();
        const value = draft.trim();
        if (value && !values.includes(value)) onChange([...values, value]);
        setDraft("");
      }}
    >
      <span className="muted">{LABELS[name]}</span>
      {values.map((value) => (
        <span key={value} className="lx-chip" data-testid={`filter-${name}`}>
          {value}
          <button type="button" className="link-button" aria-label={`Remove ${LABELS[name].toLowerCase()} ${value}`} onClick={() => onChange(values.filter((v) => v !== value))}>×</button>
        </span>
      ))}
      <input aria-label={`Add ${LABELS[name].toLowerCase()}`} list={listId} value={draft} size={10} placeholder="add…" onChange={(event) => setDraft(event.target.value)} />
      <datalist id={listId}>{suggestions.filter((s) => !values.includes(s)).map((s) => <option key={s} value={s} />)}</datalist>
    </form>
  );
}
