import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import type { ContactPoint, ContactPointInput } from "@/lib/schemas/contact-point";
import { getDb } from "../db";
import { generateSigningSecret } from "../notify/signing-secret";
import { assertContactPointUrlAllowed, assertNameFree, auditContactPoint, toContactPoint } from "./contact-point-rows";

/** Adds a contact point; without a secret one is generated (signatures are never optional). */
export async function createContactPoint(input: ContactPointInput, actor: Actor, ip?: string): Promise<ContactPoint> {
  await assertContactPointUrlAllowed(input.url);
  return getDb().$transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const row = await tx.contactPoint.create({
      data: { name: input.name, kind: input.kind, url: input.url, secret: input.secret ?? generateSigningSecret(), routingKey: input.routingKey ?? null, enabled: input.enabled, updatedBy: actor.email },
    });
    await auditContactPoint(tx, { actor, action: "contact_point.created", id: row.id, version: row.version, after: input, ip });
    return toContactPoint(row);
  });
}
