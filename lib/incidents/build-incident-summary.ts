import { type IncidentDetail, type IncidentEventView, SEVERITY_LABELS } from "@/lib/schemas/incident";
import { formatDateTimeIn } from "@/lib/time/format-zoned";
import { slowQuerySummaryLines, type IncidentSlowQueries } from "./incident-slow-queries";

const utc = (iso: string) => `${formatDateTimeIn(Date.parse(iso), "utc")} UTC`;

/** "1 h 10 min", "25 min", "3 d 2 h": the length a postmortem reader wants, not milliseconds. */
export function formatIncidentDuration(fromIso: string, toIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days} d` : "", hours ? `${hours} h` : "", rest || (!days && !hours) ? `${rest} min` : ""].filter(Boolean).join(" ");
}

function linkText(event: IncidentEventView, origin: string): string {
  if (!event.link) return "a link that was deleted since";
  return `[${escapeLinkText(event.link.name)}](${origin}/s/${event.link.slug})${event.link.hasSnapshot ? " (snapshot)" : ""}`;
}

const seriesName = (series: unknown) => (typeof series !== "string" || series === "*" ? "all services" : series);
const escapeLinkText = (text: string) => text.replace(/[[\]\\]/g, (char) => `\\${char}`);
const firstLine = (text: string) => {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

function describeEvent(event: IncidentEventView, origin: string): string {
  const who = event.actorName ? ` (${event.actorName})` : "";
  switch (event.kind) {
    case "created": return `Incident opened as ${event.toStatus}${who}`;
    case "status_changed": return `Status ${event.fromStatus} → ${event.toStatus}${who}`;
    case "updated": return `Updated ${Object.keys((event.details?.changes as object | undefined) ?? {}).join(", ")}${who}`;
    case "note": return `Note${who}: ${firstLine(event.body ?? "")}`;
    case "link_pinned": return `Pinned ${linkText(event, origin)}${who}`;
    case "alert_transition": return `Alert ${String(event.details?.ruleName ?? "")}: ${event.fromStatus} → ${event.toStatus}`;
  }
}

/**
 * The incident as Markdown for a postmortem: facts, a UTC timeline, the requests, slow queries
 * and alerts it links, and the notes in full. Pure, so the page and tests build the same text.
 */
export function buildIncidentSummary(incident: IncidentDetail, origin: string, now: Date = new Date(), extra: { slowQueries?: IncidentSlowQueries } = {}): string {
  const end = incident.endedAt ?? now.toISOString();
  const links = incident.events.filter((event) => event.kind === "link_pinned" && event.link);
  const requests = links.filter((event) => event.link?.requestId);
  const slowQueries = links.filter((event) => event.link?.kind === "slow-queries" || event.link?.kind === "slow-query");
  const alerts = incident.events.filter((event) => event.kind === "alert_transition");
  const notes = incident.events.filter((event) => event.kind === "note");
  const lines = [
    `## ${incident.title}`,
    "",
    `- **Severity:** ${SEVERITY_LABELS[incident.severity]}`,
    `- **Status:** ${incident.status}`,
    `- **Services:** ${incident.services.length ? incident.services.join(", ") : "none named"}`,
    `- **Start:** ${utc(incident.startedAt)}`,
    `- **End:** ${incident.endedAt ? utc(incident.endedAt) : "ongoing"}`,
    `- **Duration:** ${formatIncidentDuration(incident.startedAt, end)}${incident.endedAt ? "" : " so far"}`,
    `- **Commander:** ${incident.commander}`,
    "",
    "### Timeline (UTC)",
    ...incident.events.map((event) => `- ${utc(event.at)}: ${describeEvent(event, origin)}`),
  ];
  if (requests.length) lines.push("", "### Linked requests", ...requests.map((event) => `- \`${event.link!.requestId}\`: ${linkText(event, origin)}`));
  if (slowQueries.length) lines.push("", "### Slow queries", ...slowQueries.map((event) => `- ${linkText(event, origin)}`));
  const linked = new Map<string, IncidentEventView>();
  // The latest entry per rule and series says where each linked alert stands now.
  for (const event of alerts) linked.set(`${String(event.details?.ruleId ?? event.details?.ruleName ?? "")}|${String(event.details?.series ?? "")}`, event);
  if (linked.size) lines.push("", "### Linked alerts", ...[...linked.values()].map((event) => `- ${String(event.details?.ruleName ?? "alert")} (${seriesName(event.details?.series)}): ${event.toStatus} since ${utc(event.at)}`));
  if (alerts.length) lines.push("", "### Alerts", ...alerts.map((event) => `- ${utc(event.at)}: ${String(event.details?.ruleName ?? "alert")} ${event.fromStatus} → ${event.toStatus}${event.details?.value !== null && event.details?.value !== undefined ? ` (value ${String(event.details.value)})` : ""}`));
  if (extra.slowQueries) lines.push(...slowQuerySummaryLines(incident, extra.slowQueries, origin, now));
  if (notes.length) {
    lines.push("", "### Notes");
    for (const note of notes) lines.push("", `**${utc(note.at)}${note.actorName ? `, ${note.actorName}` : ""}**`, "", ...(note.body ?? "").split("\n").map((line) => `> ${line}`));
  }
  return `${lines.join("\n")}\n`;
}
