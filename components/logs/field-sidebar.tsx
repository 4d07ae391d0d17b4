"use client";

import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fieldValuesQueryOptions, type FieldValuesInput } from "@/lib/queries/logs";
import type { LogField } from "@/lib/schemas/log-fields";
import type { FieldTopValues } from "@/lib/schemas/log-search";
import { FieldValuesList, type FieldValueActions } from "./field-values-list";

export interface FieldSidebarProps extends FieldValueActions {
  /** Top values of the default fields, from the page's own search. */
  topValues: FieldTopValues[];
  /** When the top values were counted (they are a top list, recounted on their own cadence). */
  asOf?: ReactNode;
  total: number;
  /** Every field of the index pattern; undefined while loading. */
  fields: LogField[] | undefined;
  fieldsError?: string | null;
  /** The view's filters, for counting a field opened later. */
  filters: Omit<FieldValuesInput, "field" | "source"> & { source?: string | null };
}

const MAX_LISTED = 200;

/** The default fields' top values, and any other field's on demand (one more request per field opened). */
export function FieldSidebar({ topValues, total, fields, fieldsError, filters, onInclude, onExclude, asOf }: FieldSidebarProps) {
  const [filter, setFilter] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const shown = new Set(topValues.map((t) => t.field));
  const others = (fields ?? []).filter((f) => !shown.has(f.name) && f.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <aside className="panel lx-sidebar" aria-label="Fields" data-testid="field-sidebar">
      {topValues.length > 0 ? asOf : null}
      {topValues.map((values) => (
        <section key={values.field} className="lx-field" aria-label={values.field}>
          <h3 className="lx-field-name">{values.field}</h3>
          <FieldValuesList values={values} total={total} onInclude={onInclude} onExclude={onExclude} />
        </section>
      ))}
      <section className="lx-field" aria-label="Other fields">
        <h3 className="lx-field-name">Other fields</h3>
        <input aria-label="Find a field" placeholder="find a field…" value={filter} onChange={(event) => setFilter(event.target.value)} />
        {fieldsError ? <p className="error-text" role="alert">The field list is unavailable: {fieldsError}</p> : fields === undefined ? <p className="notice">Loading fields…</p> : null}
        <ul className="lx-field-list">
          {others.slice(0, MAX_LISTED).map((field) => (
            <li key={field.name}>
              <button type="button" className="link-button" aria-expanded={open === field.name} disabled={!field.countable} title={field.secret ? "secret field: its values are redacted and cannot be counted" : field.countable ? `Top values of ${field.name}` : `${field.type}: values cannot be counted`} onClick={() => setOpen(open === field.name ? null : field.name)}>
                {field.name}
              </button>
              <span className="muted"> {field.type}</span>
              {open === field.name ? <OpenedField filters={{ ...filters, source: filters.source ?? undefined, field: field.name }} onInclude={onInclude} onExclude={onExclude} /> : null}
            </li>
          ))}
        </ul>
        {others.length > MAX_LISTED ? <p className="notice">{others.length - MAX_LISTED} more: narrow the search.</p> : null}
      </section>
    </aside>
  );
}

function OpenedField({ filters, ...actions }: { filters: FieldValuesInput } & FieldValueActions) {
  const { data, error, isPending } = useQuery(fieldValuesQueryOptions(filters));
  if (isPending) return <p className="notice" aria-busy="true">Counting…</p>;
  if (error) return <p className="error-text" role="alert">{error.message}</p>;
  return <FieldValuesList values={data} total={data.total} {...actions} />;
}
