import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { ApiError, notFound } from "../errors";
import { auditContactPoint } from "./contact-point-rows";

/** Deletes a contact point; rules that used it lose it (their links cascade), which the audit records. */
export async function deleteContactPoint(id: string, version: number, actor: Actor, ip?: string): Promise<{ deleted: true }> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.contactPoint.findUnique({ where: { id }, include: { rules: { select: { ruleId: true } } } });
    if (!before) throw notFound("This contact point no longer exists: it was deleted already.");
    const { count } = await tx.contactPoint.deleteMany({ where: { id, version } });
    if (count === 0) throw new ApiError(409, "conflict", "Someone changed this contact point after you opened it; reload and confirm again.");
    await auditContactPoint(tx, { actor, action: "contact_point.deleted", id, version, before: { ...before, secret: undefined, routingKey: undefined }, extra: { rules: before.rules.map((link) => link.ruleId) }, ip });
    return { deleted: true as const };
  });
}
