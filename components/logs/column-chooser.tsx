"use client";

import { useState } from "react";
import type { LogField } from "@/lib/schemas/log-fields";

const MAX_LISTED = 200;

/** Extra table columns (dotted field names), chosen from the index's fields; the choice lives in the URL. */
export function ColumnChooser({ columns, fields, onChange }: { columns: string[]; fields: LogField[] | undefined; onChange: (columns: string[]) => void }) {
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const candidates = (fields ?? []).filter((f) => !columns.includes(f.name) && f.name.toLowerCase().includes(needle)).slice(0, MAX_LISTED);
  return (
    <details className="lx-columns" data-testid="column-chooser">
      <summary>Columns{columns.length ? ` (${columns.length})` : ""}</summary>
      <div className="lx-popover">
        {columns.map((column) => (
          <label key={column} className="lx-check">
            <input type="checkbox" checked onChange={() => onChange(columns.filter((c) => c !== column))} /> {column}
          </label>
        ))}
        <input aria-label="Find a column" placeholder="find a field…" value={filter} onChange={(event) => setFilter(event.target.value)} />
        {candidates.map((field) => (
          <label key={field.name} className="lx-check">
            <input type="checkbox" checked={false} onChange={() => onChange([...columns, field.name])} /> {field.name}
          </label>
        ))}
      </div>
    </details>
  );
}
