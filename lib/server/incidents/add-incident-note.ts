import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import type { IncidentDetail } from "@/lib/schemas/incident";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { loadIncidentDetail, lockIncidentOrThrow } from "./incident-rows";

/** A Markdown note on the timeline, kept as typed; the page renders it without HTML. */
export async function addIncidentNote(id: string, body: string, actor: Actor, ip?: string): Promise<IncidentDetail> {
  return getDb().$transaction(async (tx) => {
    await lockIncidentOrThrow(tx, id);
    const event = await tx.incidentEvent.create({ data: { incidentId: id, kind: "note", at: new Date(), body, actorId: actor.id, actorName: actor.name } });
    await recordAuditEvent({ actor, action: "incident.note_added", targetType: "incident", targetId: id, details: { eventId: event.id, length: body.length }, ip }, tx);
    return loadIncidentDetail(tx, id);
  });
}
