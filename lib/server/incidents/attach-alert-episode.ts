import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/schemas/auth";
import type { IncidentDetail } from "@/lib/schemas/incident";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { loadIncidentDetail, lockIncidentOrThrow } from "./incident-rows";

/** One state change of an alert (ok → pending → firing → resolved …), as the alert worker recorded it. */
export interface AlertTransition {
  at: Date;
  from: string;
  to: string;
  /** The alert event's id in the alert tables (no foreign key: incidents do not depend on them). */
  ref?: string | null;
  value?: number | null;
}

export interface AlertEpisode {
  /** The alert rule's id and name, for the timeline and the summary. */
  ruleId?: string | null;
  ruleName: string;
  /** The series (service, or "all") the episode is about. */
  series?: string | null;
  /**
   * The series' row id. Entries that carry it link the incident to the series: while the incident
   * is not resolved, the worker appends that series' later transitions (write-evaluations.ts).
   */
  seriesId?: string | null;
  threshold?: number | null;
  transitions: AlertTransition[];
}

/**
 * Writes an alert's episode onto an incident's timeline, one `alert_transition` entry per state
 * change at the time it happened, so the timeline interleaves them with notes and status changes.
 */
export async function attachAlertEpisode(incidentId: string, episode: AlertEpisode, actor: Actor | null, ip?: string): Promise<IncidentDetail> {
  return getDb().$transaction(async (tx) => {
    await lockIncidentOrThrow(tx, incidentId);
    await insertAlertEpisode(tx, incidentId, episode, actor, ip);
    return loadIncidentDetail(tx, incidentId);
  });
}

/** The episode's entries and their audit record, inside the caller's transaction. */
export async function insertAlertEpisode(tx: Prisma.TransactionClient, incidentId: string, episode: AlertEpisode, actor: Actor | null, ip?: string): Promise<void> {
  const details = { ruleId: episode.ruleId ?? null, ruleName: episode.ruleName, series: episode.series ?? null, seriesId: episode.seriesId ?? null, threshold: episode.threshold ?? null };
  await tx.incidentEvent.createMany({
    data: episode.transitions.map((transition) => ({
      incidentId,
      kind: "alert_transition",
      at: transition.at,
      fromStatus: transition.from,
      toStatus: transition.to,
      alertRef: transition.ref ?? null,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? "alert worker",
      details: { ...details, value: transition.value ?? null } as Prisma.InputJsonValue,
    })),
  });
  await recordAuditEvent({ actor, action: "incident.alert_attached", targetType: "incident", targetId: incidentId, details: { ...details, transitions: episode.transitions.length }, ip }, tx);
}
