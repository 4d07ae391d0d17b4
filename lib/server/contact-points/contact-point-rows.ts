import "server-only";
import type { ContactPoint as ContactPointRow, Prisma } from "@/lib/generated/prisma/client";
import type { ContactPoint, ContactPointInput } from "@/lib/schemas/contact-point";
import type { Actor } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ApiError, unprocessable } from "../errors";
import { assertWebhookUrlAllowed, WebhookUrlRefusedError, webhookPolicyFromEnv } from "../security/webhook-url-policy";

export const CONTACT_POINT_AUDIT_TARGET = "contact_point";

/** As browsers see it: whether a secret and routing key are set, never their values. */
export function toContactPoint(row: ContactPointRow): ContactPoint {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    hasSecret: row.secret !== null,
    hasRoutingKey: row.routingKey !== null,
    enabled: row.enabled,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** What the audit log keeps: no secret, no routing key. */
export const auditedContactPoint = (point: Pick<ContactPointInput, "name" | "kind" | "url" | "enabled">) => ({ name: point.name, kind: point.kind, url: point.url, enabled: point.enabled });

/** The save-time DNS check of the webhook URL policy; a refusal is a field error on `url`. */
export async function assertContactPointUrlAllowed(url: string, field = "url"): Promise<void> {
  try {
    await assertWebhookUrlAllowed(url, webhookPolicyFromEnv());
  } catch (error) {
    if (error instanceof WebhookUrlRefusedError) throw unprocessable(`${field}: ${error.message}`, { [field]: error.message });
    throw error;
  }
}

export async function assertNameFree(tx: Prisma.TransactionClient, name: string, exceptId?: string): Promise<void> {
  const taken = await tx.contactPoint.findFirst({ where: { name, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new ApiError(409, "conflict", `A contact point named ${name} exists already.`, { name: "this name is taken" });
}

export async function auditContactPoint(tx: Prisma.TransactionClient, event: { actor: Actor; action: string; id: string; version: number; before?: ContactPointInput | null; after?: ContactPointInput | null; extra?: Record<string, Prisma.InputJsonValue>; ip?: string }) {
  const details = { version: event.version, before: event.before ? auditedContactPoint(event.before) : null, after: event.after ? auditedContactPoint(event.after) : null, ...event.extra };
  await recordAuditEvent({ actor: event.actor, action: event.action, targetType: CONTACT_POINT_AUDIT_TARGET, targetId: event.id, details, ip: event.ip }, tx);
}
