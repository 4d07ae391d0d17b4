import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import type { DeliveryResult } from "@/lib/schemas/contact-point";
import { getDb } from "../db";
import { notFound } from "../errors";
import { sendTestNotification } from "../notify/send-test-notification";
import { auditContactPoint } from "./contact-point-rows";

/** "Send test": one signed delivery to the saved contact point, reported (not thrown) when the receiver fails. */
export async function testContactPoint(id: string, actor: Actor, ip?: string): Promise<DeliveryResult> {
  const point = await getDb().contactPoint.findUnique({ where: { id } });
  if (!point) throw notFound("This contact point no longer exists: it was deleted. Reload the list.");
  const result = await sendTestNotification({ name: point.name, kind: point.kind, url: point.url, secret: point.secret, routingKey: point.routingKey });
  await auditContactPoint(getDb(), { actor, action: "contact_point.tested", id, version: point.version, extra: { ok: result.ok, httpStatus: result.httpStatus ?? "none" }, ip });
  return result;
}
