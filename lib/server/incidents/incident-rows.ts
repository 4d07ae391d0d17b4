import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentDetail, IncidentEventKind, IncidentEventView, IncidentSeverity, IncidentStatus, IncidentSummary } from "@/lib/schemas/incident";
import { notFound } from "../errors";

type IncidentRow = Prisma.IncidentGetPayload<object>;
const EVENT_INCLUDE = { link: { include: { snapshot: { select: { linkId: true } } } } } as const;
type EventRow = Prisma.IncidentEventGetPayload<{ include: typeof EVENT_INCLUDE }>;

export const NO_SUCH_INCIDENT = "This incident does not exist.";
export const STALE_INCIDENT = "Someone changed this incident since you opened it; reload to see their change, then make yours again.";

export function toIncidentSummary(row: IncidentRow): IncidentSummary {
  return {
    id: row.id,
    title: row.title,
    severity: row.severity as IncidentSeverity,
    status: row.status as IncidentStatus,
    services: row.services,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    commander: row.commander,
    version: row.version,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toEventView(row: EventRow): IncidentEventView {
  const params = ((row.link?.state as { params?: Record<string, unknown>; pathParams?: Record<string, unknown> } | null) ?? {}) as { params?: Record<string, unknown>; pathParams?: Record<string, unknown> };
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    id: row.id,
    kind: row.kind as IncidentEventKind,
    at: row.at.toISOString(),
    actorName: row.actorName,
    body: row.body,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    link: row.link
      ? { slug: row.link.slug, name: row.link.name, kind: row.link.kind, hasSnapshot: row.link.snapshot !== null, requestId: text(params.pathParams?.id), from: text(params.params?.from) ?? text(params.params?.around), to: text(params.params?.to) }
      : null,
    linkDeleted: row.kind === "link_pinned" && row.link === null,
    alertRef: row.alertRef,
    details: (row.details as Record<string, unknown> | null) ?? null,
  };
}

/** The incident with its timeline in time order (ties in the order they were written). */
export async function loadIncidentDetail(tx: Prisma.TransactionClient, id: string): Promise<IncidentDetail> {
  const row = await tx.incident.findUnique({ where: { id }, include: { events: { include: EVENT_INCLUDE, orderBy: [{ at: "asc" }, { createdAt: "asc" }, { id: "asc" }] } } });
  if (!row) throw notFound(NO_SUCH_INCIDENT);
  return { ...toIncidentSummary(row), events: row.events.map(toEventView) };
}

/** Locks the incident row for a change, so two edits of one incident write their timeline in turn. */
export async function lockIncidentOrThrow(tx: Prisma.TransactionClient, id: string): Promise<IncidentRow> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM incidents WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw notFound(NO_SUCH_INCIDENT);
  return tx.incident.findUniqueOrThrow({ where: { id } });
}
