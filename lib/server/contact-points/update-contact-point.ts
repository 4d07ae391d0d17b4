import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import type { ContactPoint, UpdateContactPointInput } from "@/lib/schemas/contact-point";
import { getDb } from "../db";
import { ApiError, notFound } from "../errors";
import { assertContactPointUrlAllowed, assertNameFree, auditContactPoint, toContactPoint } from "./contact-point-rows";

const STALE = "Someone saved this contact point after you opened it. Reload to see their change, then edit again.";

/** Saves an edit against `version`; an omitted secret or routing key keeps the stored one. */
export async function updateContactPoint(id: string, input: UpdateContactPointInput, actor: Actor, ip?: string): Promise<ContactPoint> {
  const point = input.contactPoint;
  await assertContactPointUrlAllowed(point.url, "contactPoint.url");
  return getDb().$transaction(async (tx) => {
    const before = await tx.contactPoint.findUnique({ where: { id } });
    if (!before) throw notFound("This contact point no longer exists: it was deleted. Reload the list.");
    await assertNameFree(tx, point.name, id);
    const { count } = await tx.contactPoint.updateMany({
      where: { id, version: input.version },
      data: {
        name: point.name,
        kind: point.kind,
        url: point.url,
        enabled: point.enabled,
        ...(point.secret !== undefined ? { secret: point.secret } : {}),
        ...(point.routingKey !== undefined ? { routingKey: point.routingKey } : {}),
        version: { increment: 1 },
        updatedBy: actor.email,
      },
    });
    if (count === 0) throw new ApiError(409, "conflict", STALE);
    const row = await tx.contactPoint.findUniqueOrThrow({ where: { id } });
    await auditContactPoint(tx, { actor, action: "contact_point.updated", id, version: row.version, before: { ...before, secret: undefined, routingKey: undefined }, after: point, extra: { secretChanged: point.secret !== undefined }, ip });
    return toContactPoint(row);
  });
}
