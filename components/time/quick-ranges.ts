/** Ranges one click away; the last two show rounded relative expressions (UTC days). */
export const QUICK_RANGES = [
  { label: "Last 5 minutes", from: "now-5m", to: "now" },
  { label: "Last 15 minutes", from: "now-15m", to: "now" },
  { label: "Last 1 hour", from: "now-1h", to: "now" },
  { label: "Last 4 hours", from: "now-4h", to: "now" },
  { label: "Last 24 hours", from: "now-24h", to: "now" },
  { label: "Last 7 days", from: "now-7d", to: "now" },
  { label: "Last 30 days", from: "now-30d", to: "now" },
  { label: "Today so far (UTC)", from: "now/d", to: "now" },
  { label: "Yesterday (UTC)", from: "now-1d/d", to: "now/d" },
] as const;
