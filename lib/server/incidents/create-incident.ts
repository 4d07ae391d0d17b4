import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/schemas/auth";
import type { createIncidentSchema, IncidentDetail } from "@/lib/schemas/incident";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { createShareLink } from "../share/create-share-link";
import { loadIncidentDetail } from "./incident-rows";

type IncidentFields = Omit<z.output<typeof createIncidentSchema>, "fromView">;

/** Opens an incident; opened from a view, that view is frozen into a link and pinned as its first entry. */
export async function createIncident(input: z.output<typeof createIncidentSchema>, actor: Actor, options: { ip?: string; signal?: AbortSignal } = {}): Promise<IncidentDetail> {
  const { fromView, ...fields } = input;
  const link = fromView ? await createShareLink({ ...fromView, snapshot: false, name: `Opened from: ${input.title}`.slice(0, 200) }, actor, options) : null;
  return getDb().$transaction(async (tx) => {
    const id = await insertIncident(tx, fields, actor, { linkSlug: link?.slug ?? null, ip: options.ip, auditDetails: { fromView: fromView?.kind ?? null } });
    return loadIncidentDetail(tx, id);
  });
}

/** The incident row, its "created" entry, the pinned link's entry and the audit record, inside the caller's transaction. */
export async function insertIncident(tx: Prisma.TransactionClient, fields: IncidentFields, actor: Actor, options: { linkSlug: string | null; ip?: string; auditDetails: Record<string, Prisma.InputJsonValue | null> }): Promise<string> {
  const now = new Date();
  const incident = await tx.incident.create({
    data: { ...fields, startedAt: new Date(fields.startedAt), endedAt: fields.endedAt ? new Date(fields.endedAt) : null, createdById: actor.id, createdByName: actor.name },
  });
  const actorFields = { actorId: actor.id, actorName: actor.name };
  await tx.incidentEvent.create({ data: { incidentId: incident.id, kind: "created", at: now, toStatus: fields.status, ...actorFields } });
  if (options.linkSlug) {
    const row = await tx.shareLink.findUniqueOrThrow({ where: { slug: options.linkSlug }, select: { id: true } });
    await tx.incidentEvent.create({ data: { incidentId: incident.id, kind: "link_pinned", at: now, linkId: row.id, ...actorFields } });
  }
  await recordAuditEvent({ actor, action: "incident.created", targetType: "incident", targetId: incident.id, details: { title: fields.title, severity: fields.severity, status: fields.status, ...options.auditDetails }, ip: options.ip }, tx);
  return incident.id;
}
