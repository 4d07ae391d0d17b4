/** Formatting shared by charts and tables; times in UTC unless the view says otherwise. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? "–" : `${(value * 100).toFixed(digits)}%`;
}

export function formatTime(epochMs: number, withSeconds = false): string {
  const iso = new Date(epochMs).toISOString();
  return withSeconds ? iso.slice(11, 19) : iso.slice(11, 16);
}

export function formatDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
