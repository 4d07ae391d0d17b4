import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ApiError, notFound } from "../errors";
import { mayManageLink, NO_SUCH_LINK } from "./share-link-rows";

/** Deletes a link and its snapshot; incident timelines that pinned it keep their entry, marked as deleted. */
export async function deleteShareLink(slug: string, actor: Actor, ip?: string): Promise<{ deleted: true }> {
  return getDb().$transaction(async (tx) => {
    const row = await tx.shareLink.findUnique({ where: { slug } });
    if (!row) throw notFound(NO_SUCH_LINK);
    if (!mayManageLink(row, actor)) throw new ApiError(403, "forbidden", `Your role (${actor.role}) cannot change links others made: only ${row.createdByName}, who made it, or an admin can delete it.`);
    await tx.shareLink.delete({ where: { id: row.id } });
    await recordAuditEvent({ actor, action: "share_link.deleted", targetType: "share_link", targetId: row.id, details: { name: row.name, kind: row.kind }, ip }, tx);
    return { deleted: true as const };
  });
}
