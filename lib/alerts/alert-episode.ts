import type { AlertSeverity } from "@/lib/schemas/alert-rule";
import type { IncidentSeverity } from "@/lib/schemas/incident";

export interface StoredTransition {
  id: string;
  fromStatus: string;
  toStatus: string;
  value: number | null;
  evaluatedAt: Date;
}

/**
 * The current episode of a series: its transitions from the last one that left "ok" (ok → pending
 * or ok → firing) to the newest, oldest first. Flapping, no data and errors inside the episode
 * stay in it; a return to ok ends it, so the next breach is a new episode.
 * `newestFirst` is the series' history, newest first (as the rule page reads it).
 */
export function currentEpisode(newestFirst: readonly StoredTransition[]): StoredTransition[] {
  const start = newestFirst.findIndex((transition) => transition.fromStatus === "ok");
  if (start < 0) return [];
  return newestFirst.slice(0, start + 1).reverse();
}

/**
 * An alert's severity as an incident's: a critical alert pages someone now (SEV1 critical), a
 * warning is degradation worth a response (SEV3 minor), info is low (SEV4). SEV2 is left for the
 * person to choose: no alert severity claims "major" on its own.
 */
export const INCIDENT_SEVERITY_FOR_ALERT: Record<AlertSeverity, IncidentSeverity> = { critical: "sev1", warning: "sev3", info: "sev4" };

/** "5xx rate per service: users" (or "…: all services"), cut to the incident title's 200 characters. */
export function incidentTitleForAlert(ruleName: string, seriesKey: string): string {
  const title = `${ruleName}: ${seriesKey === "*" ? "all services" : seriesKey}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}
