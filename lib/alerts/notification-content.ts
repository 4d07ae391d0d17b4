/**
 * What a notification says, frozen into the outbox row when it becomes due, and how each kind of
 * contact point wants it: a generic JSON webhook, a Slack-compatible incoming webhook (blocks plus
 * a top-level `text`, which is all a phone's notification shows) and PagerDuty Events v2.
 */
import { explorerHref } from "@/lib/url-state/explorer-link";
import { ALL_SERVICES_SERIES, MEASURE_UNITS, type AlertMeasure, type AlertSeverity } from "@/lib/schemas/alert-rule";
import type { ContactPointKind } from "@/lib/schemas/contact-point";

export type NotificationKind = "firing" | "resolved" | "outage" | "error" | "test";

export interface NotificationContent {
  kind: NotificationKind;
  /** Stable per rule and series (PagerDuty's dedup_key): trigger and resolve use the same one. */
  dedupKey: string;
  rule: { id: string; name: string; severity: AlertSeverity; runbookUrl: string | null; labels: Record<string, string> } | null;
  /** The service the series is about; null for a rule over all services, outages and tests. */
  service: string | null;
  series: string | null;
  state: string;
  value: number | null;
  threshold: number | null;
  comparator: "above" | "below" | null;
  unit: string | null;
  measure: string | null;
  windowMinutes: number | null;
  startedAt: string;
  endedAt: string | null;
  /** Triage's explorer over the episode's absolute range, scoped to the service. */
  link: string;
  summary: string;
}

export interface SeriesNotificationInput {
  kind: "firing" | "resolved";
  rule: { id: string; name: string; severity: AlertSeverity; runbookUrl: string | null; labels: Record<string, string>; measure: AlertMeasure; windowMinutes: number; comparator: "above" | "below"; threshold: number };
  seriesKey: string;
  value: number | null;
  startedAt: Date;
  /** The evaluation that made it due (the episode's end for "resolved"). */
  at: Date;
  appUrl: string;
}

const fmt = (value: number | null, unit: string) => (value === null ? "no data" : `${Number.isInteger(value) ? value : value.toFixed(2)}${unit === "%" || unit === "ms" ? unit : ` ${unit}`}`);

export function seriesNotificationContent(input: SeriesNotificationInput): NotificationContent {
  const { rule, kind } = input;
  const service = input.seriesKey === ALL_SERVICES_SERIES ? null : input.seriesKey;
  const unit = MEASURE_UNITS[rule.measure.kind];
  // The range covers the window before the start, so the link shows what crossed the line.
  const from = new Date(input.startedAt.getTime() - rule.windowMinutes * 60_000);
  const link = new URL(explorerHref({ from: from.toISOString(), to: input.at.toISOString(), service: service ? [service] : undefined }), input.appUrl).toString();
  const where = service ? ` for ${service}` : "";
  const summary =
    kind === "firing"
      ? `[${rule.severity.toUpperCase()}] ${rule.name}${where}: ${fmt(input.value, unit)} ${rule.comparator} ${fmt(rule.threshold, unit)} over ${rule.windowMinutes} min`
      : `[RESOLVED] ${rule.name}${where}: ${fmt(input.value, unit)} (threshold ${fmt(rule.threshold, unit)})`;
  return {
    kind,
    dedupKey: `triage:${rule.id}:${input.seriesKey}`,
    rule: { id: rule.id, name: rule.name, severity: rule.severity, runbookUrl: rule.runbookUrl, labels: rule.labels },
    service,
    series: input.seriesKey,
    state: kind,
    value: input.value,
    threshold: rule.threshold,
    comparator: rule.comparator,
    unit,
    measure: rule.measure.kind === "latency_percentile" ? `latency ${rule.measure.percentile}` : rule.measure.kind,
    windowMinutes: rule.windowMinutes,
    startedAt: input.startedAt.toISOString(),
    endedAt: kind === "resolved" ? input.at.toISOString() : null,
    link,
    summary,
  };
}

/** One message per contact point for an engine outage (or a rule the engine rejects). */
export function problemNotificationContent(input: { kind: "outage" | "error" | "test"; key: string; message: string; at: Date; appUrl: string; rule?: NotificationContent["rule"] }): NotificationContent {
  const title = input.kind === "outage" ? "Log engine unreachable: alert rules cannot be evaluated" : input.kind === "test" ? "Test notification from Triage" : `Alert rule ${input.rule?.name ?? ""} cannot be evaluated`;
  return {
    kind: input.kind,
    dedupKey: `triage:${input.key}`,
    rule: input.rule ?? null,
    service: null,
    series: null,
    state: input.kind === "test" ? "test" : "error",
    value: null,
    threshold: null,
    comparator: null,
    unit: null,
    measure: null,
    windowMinutes: null,
    startedAt: input.at.toISOString(),
    endedAt: null,
    link: new URL(input.rule ? `/alerts/${input.rule.id}` : "/alerts", input.appUrl).toString(),
    summary: `${title}: ${input.message}`,
  };
}

const SEVERITY_TO_PAGERDUTY: Record<AlertSeverity, string> = { critical: "critical", warning: "warning", info: "info" };

/** The request body a contact point of `kind` receives. */
export function notificationBody(kind: ContactPointKind, content: NotificationContent, routingKey: string | null): Record<string, unknown> {
  if (kind === "slack") {
    const fields = [
      content.service && `*Service:* ${content.service}`,
      content.value !== null && `*Value:* ${fmt(content.value, content.unit ?? "")}`,
      content.threshold !== null && `*Threshold:* ${content.comparator} ${fmt(content.threshold, content.unit ?? "")}`,
      content.windowMinutes !== null && `*Window:* ${content.windowMinutes} min`,
      `*Started:* ${content.startedAt}`,
    ].filter((field): field is string => typeof field === "string");
    const links = [`<${content.link}|Open in Triage>`, content.rule?.runbookUrl && `<${content.rule.runbookUrl}|Runbook>`].filter(Boolean).join(" · ");
    return {
      text: content.summary,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `*${content.summary}*` } },
        { type: "section", fields: fields.map((text) => ({ type: "mrkdwn", text })) },
        { type: "context", elements: [{ type: "mrkdwn", text: links }] },
      ],
    };
  }
  if (kind === "pagerduty") {
    const action = content.kind === "resolved" ? "resolve" : "trigger";
    const event: Record<string, unknown> = { routing_key: routingKey ?? "", event_action: action, dedup_key: content.dedupKey };
    if (action === "trigger") {
      event.payload = {
        summary: content.summary.slice(0, 1024),
        source: content.service ?? "triage",
        severity: content.rule ? SEVERITY_TO_PAGERDUTY[content.rule.severity] : "error",
        timestamp: content.startedAt,
        component: content.service ?? undefined,
        custom_details: { value: content.value, threshold: content.threshold, comparator: content.comparator, unit: content.unit, window_minutes: content.windowMinutes, measure: content.measure, labels: content.rule?.labels },
      };
      event.links = [{ href: content.link, text: "Open in Triage" }, ...(content.rule?.runbookUrl ? [{ href: content.rule.runbookUrl, text: "Runbook" }] : [])];
    }
    return event;
  }
  return { ...content };
}
