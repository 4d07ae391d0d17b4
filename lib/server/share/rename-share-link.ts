import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import type { ShareLinkSummary } from "@/lib/schemas/share-link";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ApiError, notFound } from "../errors";
import { mayManageLink, NO_SUCH_LINK, toShareLinkSummary } from "./share-link-rows";

/** Renames a link; only its owner or an admin may. */
export async function renameShareLink(slug: string, name: string, actor: Actor, ip?: string): Promise<ShareLinkSummary> {
  return getDb().$transaction(async (tx) => {
    const row = await tx.shareLink.findUnique({ where: { slug } });
    if (!row) throw notFound(NO_SUCH_LINK);
    if (!mayManageLink(row, actor)) throw new ApiError(403, "forbidden", `Your role (${actor.role}) cannot change links others made: only ${row.createdByName}, who made it, or an admin can rename it.`);
    const updated = await tx.shareLink.update({ where: { id: row.id }, data: { name }, include: { snapshot: { select: { linkId: true } } } });
    await recordAuditEvent({ actor, action: "share_link.renamed", targetType: "share_link", targetId: row.id, details: { before: row.name, after: name }, ip }, tx);
    return toShareLinkSummary(updated);
  });
}
