import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import type { IncidentDetail } from "@/lib/schemas/incident";
import { createShareLinkSchema } from "@/lib/schemas/share-link";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { notFound, unprocessable } from "../errors";
import { createShareLink } from "../share/create-share-link";
import { loadIncidentDetail, lockIncidentOrThrow, NO_SUCH_INCIDENT } from "./incident-rows";

/** The slug in a pasted link ("https://triage…/s/<slug>", "/s/<slug>") or a bare slug. */
export function slugFromLinkText(text: string): string {
  const match = /(?:^|\/s\/)([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(text.trim());
  return match?.[1] ?? "";
}

/**
 * Pins a share link on the timeline; with `snapshot`, first keeps a new snapshot of that link's
 * (already frozen) view and pins that, so the evidence outlives the logs' retention.
 */
export async function pinIncidentLink(id: string, input: { link: string; snapshot: boolean }, actor: Actor, options: { ip?: string; signal?: AbortSignal } = {}): Promise<IncidentDetail> {
  const db = getDb();
  // Checked before any snapshot is captured, so a mistyped incident costs no engine call.
  if (!(await db.incident.findUnique({ where: { id }, select: { id: true } }))) throw notFound(NO_SUCH_INCIDENT);
  const row = await db.shareLink.findUnique({ where: { slug: slugFromLinkText(input.link) } });
  if (!row || (row.expiresAt && row.expiresAt <= new Date())) throw unprocessable("There is no share link at that address.", { link: "no share link at this address (deleted, expired or mistyped)" });
  let linkId = row.id;
  if (input.snapshot) {
    const state = row.state as { params?: unknown; pathParams?: unknown };
    const view = createShareLinkSchema.safeParse({ kind: row.kind, params: state.params, pathParams: state.pathParams, senderTimeZone: row.senderTimeZone, snapshot: true, name: `Snapshot: ${row.name}`.slice(0, 200) });
    if (!view.success) throw unprocessable("This link's view can no longer be snapshotted; pin it as a link.", { link: "this view cannot be snapshotted" });
    const created = await createShareLink(view.data, actor, options);
    linkId = (await db.shareLink.findUniqueOrThrow({ where: { slug: created.slug }, select: { id: true } })).id;
  }
  return db.$transaction(async (tx) => {
    await lockIncidentOrThrow(tx, id);
    await tx.incidentEvent.create({ data: { incidentId: id, kind: "link_pinned", at: new Date(), linkId, actorId: actor.id, actorName: actor.name } });
    await recordAuditEvent({ actor, action: "incident.link_pinned", targetType: "incident", targetId: id, details: { linkId, snapshot: input.snapshot }, ip: options.ip }, tx);
    return loadIncidentDetail(tx, id);
  });
}
