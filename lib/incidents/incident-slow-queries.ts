import type { IncidentDetail } from "@/lib/schemas/incident";
import type { SlowQueryRow } from "@/lib/schemas/slow-queries";

/** Fingerprints the postmortem lists: the costliest of the incident's window, by total time. */
export const SUMMARY_SLOW_QUERIES = 5;

/** What the incident page reads for the summary: the slow-query panel's answer over its window and services. */
export function incidentSlowQueryInput(incident: Pick<IncidentDetail, "startedAt" | "endedAt" | "services">, now: Date) {
  return { from: incident.startedAt, to: incident.endedAt ?? now.toISOString(), threshold: null, sort: "total" as const, service: [...incident.services], source: [] };
}

/** Top slow fingerprints of the incident's window and services, as the summary's lines (read by the slow-query verb). */
export type IncidentSlowQueries = { rows: readonly SlowQueryRow[]; thresholdMs: number } | { error: string };

const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/\s+/g, " ").slice(0, 200)}\``;
const ms = (value: number | null) => (value === null ? "n/a" : `${Math.round(value).toLocaleString("en-US")} ms`);

export function slowQuerySummaryLines(incident: Pick<IncidentDetail, "startedAt" | "endedAt" | "services">, slow: IncidentSlowQueries, origin: string, now: Date): string[] {
  const heading = `### Top slow queries (${incident.services.length ? incident.services.join(", ") : "every service"}, incident window)`;
  if ("error" in slow) return ["", heading, `- Could not be read: ${slow.error}`];
  const top = slow.rows.slice(0, SUMMARY_SLOW_QUERIES);
  if (top.length === 0) return ["", heading, `- No statement at or over ${slow.thresholdMs} ms.`];
  const range = new URLSearchParams({ from: incident.startedAt, to: incident.endedAt ?? now.toISOString() });
  return ["", heading, ...top.map((row) => `- ${code(row.statement)}: ${row.count.toLocaleString("en-US")} runs, p95 ${ms(row.p95Ms)} ([open](${origin}/slow-queries/${row.fingerprint}?${range.toString()}))`)];
}
