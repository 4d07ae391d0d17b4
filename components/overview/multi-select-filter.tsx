"use client";

export interface MultiSelectFilterProps {
  label: string;
  options: string[];
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** A compact multi-select: nothing checked means "all". Values from the URL stay listed even if absent from the data. */
export function MultiSelectFilter({ label, options, selected, onChange }: MultiSelectFilterProps) {
  const choices = [...new Set([...options, ...selected])].sort();
  const summary = selected.length === 0 ? "all" : selected.join(", ");
  return (
    <details className="ov-filter" data-testid={`filter-${label.toLowerCase()}`}>
      <summary>
        {label}: <strong>{summary}</strong>
      </summary>
      <fieldset>
        <legend className="muted">{label}</legend>
        {choices.length === 0 ? <p className="muted">No values in this range.</p> : null}
        {choices.map((choice) => (
          <label key={choice} className="ov-filter-option">
            <input
              type="checkbox"
              checked={selected.includes(choice)}
              onChange={(event) => onChange(event.target.checked ? [...selected, choice] : selected.filter((value) => value !== choice))}
            />
            {choice}
          </label>
        ))}
        {selected.length > 0 ? <button type="button" className="link-button" onClick={() => onChange([])}>Show all</button> : null}
      </fieldset>
    </details>
  );
}
