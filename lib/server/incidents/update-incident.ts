import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/schemas/auth";
import type { IncidentDetail, updateIncidentSchema } from "@/lib/schemas/incident";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ApiError } from "../errors";
import { loadIncidentDetail, lockIncidentOrThrow, STALE_INCIDENT, toIncidentSummary } from "./incident-rows";

type Changes = Record<string, { before: unknown; after: unknown }>;

/**
 * Edits an incident against the version the editor saw. A status change is its own timeline
 * entry; other changes are one "updated" entry listing them. Resolving without an end sets it to now.
 */
export async function updateIncident(id: string, input: z.output<typeof updateIncidentSchema>, actor: Actor, ip?: string): Promise<IncidentDetail> {
  return getDb().$transaction(async (tx) => {
    const row = await lockIncidentOrThrow(tx, id);
    if (row.version !== input.version) throw new ApiError(409, "conflict", STALE_INCIDENT);
    const before = toIncidentSummary(row);
    const { version: _version, ...fields } = input;
    const now = new Date();
    const endedAt = fields.status === "resolved" && before.status !== "resolved" && fields.endedAt === undefined && before.endedAt === null ? now.toISOString() : fields.endedAt;
    const next = { ...fields, ...(endedAt !== undefined ? { endedAt } : {}) };
    const start = next.startedAt ?? before.startedAt;
    if (next.endedAt && Date.parse(next.endedAt) < Date.parse(start)) throw new ApiError(422, "unprocessable", "The end must not be before the start.", { endedAt: "the end must not be before the start" });
    const changes: Changes = {};
    for (const [key, value] of Object.entries(next)) {
      const old = before[key as keyof typeof before];
      if (value !== undefined && JSON.stringify(normalize(value)) !== JSON.stringify(normalize(old))) changes[key] = { before: old, after: value };
    }
    if (Object.keys(changes).length === 0) return loadIncidentDetail(tx, id);
    const data: Prisma.IncidentUpdateInput = { version: { increment: 1 } };
    if (changes.title) data.title = next.title;
    if (changes.severity) data.severity = next.severity;
    if (changes.status) data.status = next.status;
    if (changes.services) data.services = next.services;
    if (changes.commander) data.commander = next.commander;
    if (changes.startedAt) data.startedAt = new Date(next.startedAt!);
    if (changes.endedAt) data.endedAt = next.endedAt ? new Date(next.endedAt) : null;
    await tx.incident.update({ where: { id }, data });
    const actorFields = { actorId: actor.id, actorName: actor.name };
    const { status, ...rest } = changes;
    if (status) await tx.incidentEvent.create({ data: { incidentId: id, kind: "status_changed", at: now, fromStatus: before.status, toStatus: next.status!, ...actorFields } });
    if (Object.keys(rest).length) await tx.incidentEvent.create({ data: { incidentId: id, kind: "updated", at: now, details: { changes: rest } as Prisma.InputJsonValue, ...actorFields } });
    await recordAuditEvent({ actor, action: "incident.updated", targetType: "incident", targetId: id, details: { changes } as Prisma.InputJsonValue, ip }, tx);
    return loadIncidentDetail(tx, id);
  });
}

// ISO strings from a form may differ in form ("…:00Z" vs "…:00.000Z") while naming the same instant.
function normalize(value: unknown): unknown {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value);
  return value;
}
