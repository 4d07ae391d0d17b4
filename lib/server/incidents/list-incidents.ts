import "server-only";
import type { IncidentSummary, ListIncidentsQuery } from "@/lib/schemas/incident";
import { getDb } from "../db";
import { toIncidentSummary } from "./incident-rows";

const LIST_LIMIT = 500;

/** Incidents, open ones first (newest start first within each group), filtered by status, severity and service. */
export async function listIncidents(query: ListIncidentsQuery): Promise<{ incidents: IncidentSummary[] }> {
  const where = {
    ...(query.status.length ? { status: { in: query.status } } : {}),
    ...(query.severity.length ? { severity: { in: query.severity } } : {}),
    ...(query.service.length ? { services: { hasSome: query.service } } : {}),
  };
  const db = getDb();
  // Two reads instead of an ORDER BY on an expression: open incidents are never crowded out by old resolved ones.
  const open = await db.incident.findMany({ where: { ...where, NOT: { status: "resolved" } }, orderBy: [{ startedAt: "desc" }, { id: "asc" }], take: LIST_LIMIT });
  const resolved = open.length < LIST_LIMIT ? await db.incident.findMany({ where: { AND: [where, { status: "resolved" }] }, orderBy: [{ startedAt: "desc" }, { id: "asc" }], take: LIST_LIMIT - open.length }) : [];
  return { incidents: [...open, ...resolved].map(toIncidentSummary) };
}
