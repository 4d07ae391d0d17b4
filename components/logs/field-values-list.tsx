import type { FieldTopValues } from "@/lib/schemas/log-search";

export interface FieldValueActions {
  onInclude: (field: string, value: string) => void;
  onExclude: (field: string, value: string) => void;
}

/** One field's top values with their share of the matching lines; each can be included or excluded. */
export function FieldValuesList({ values, total, onInclude, onExclude }: { values: FieldTopValues; total: number } & FieldValueActions) {
  if (values.values.length === 0) return <p className="notice">No values in the matching lines.</p>;
  return (
    <ul className="lx-values" data-testid="field-values" data-field={values.field}>
      {values.values.map(({ value, count, label }) => (
        <li key={value} className="lx-value" data-value={value}>
          <span className="lx-value-name" title={label ? `${label} (stored as ${value})` : value}>{label ?? value}</span>
          <span className="num muted">{count.toLocaleString("en-US")}</span>
          <span className="lx-value-bar" aria-hidden="true"><span style={{ width: `${total ? Math.max(2, (count / total) * 100) : 0}%` }} /></span>
          <button type="button" className="lx-icon" aria-label={`Include ${values.field}: ${label ?? value}`} title="Only lines with this value" onClick={() => onInclude(values.countedField, value)}>+</button>
          <button type="button" className="lx-icon" aria-label={`Exclude ${values.field}: ${label ?? value}`} title="Hide lines with this value" onClick={() => onExclude(values.countedField, value)}>−</button>
        </li>
      ))}
      {values.other > 0 ? <li className="notice">{values.other.toLocaleString("en-US")} lines have other values</li> : null}
    </ul>
  );
}
