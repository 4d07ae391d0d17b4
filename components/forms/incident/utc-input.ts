/** ISO ↔ the `datetime-local` input's "YYYY-MM-DDTHH:MM", read and written as UTC (labelled so). */
export function isoToUtcInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 16) : "";
}

export function utcInputToIso(value: string): string | null {
  if (!value) return null;
  const ms = Date.parse(`${value}:00Z`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
}
