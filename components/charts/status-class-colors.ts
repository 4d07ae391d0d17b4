import type { StatusClass } from "@/lib/schemas/status-class";

// Apart from the chart so a legend can use them without pulling Recharts into the first load.
// Values are CSS variables, so each theme picks hues that keep contrast on its background.
export const STATUS_CLASS_COLORS: Record<StatusClass, string> = { "2xx": "var(--status-2xx)", "3xx": "var(--status-3xx)", "4xx": "var(--status-4xx)", "5xx": "var(--status-5xx)" };
