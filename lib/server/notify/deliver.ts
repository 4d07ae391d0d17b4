import "server-only";
import { notificationBody, type NotificationContent } from "@/lib/alerts/notification-content";
import type { ContactPointKind, DeliveryResult } from "@/lib/schemas/contact-point";
import type { WebhookUrlPolicy } from "../security/webhook-url-policy";
import { postWebhook } from "./post-webhook";
import { SIGNATURE_HEADER, signWebhookBody } from "./webhook-signature";

export interface DeliveryTarget {
  kind: ContactPointKind;
  url: string;
  secret: string | null;
  routingKey: string | null;
}

export interface DeliverOptions {
  policy: WebhookUrlPolicy;
  timeoutMs: number;
  now?: () => Date;
}

/**
 * One delivery attempt of `content` to a contact point, shaped for its kind, signed with its
 * secret, carrying `idempotencyKey` (the outbox row's id: the same on every retry) so a receiver
 * can drop a duplicate.
 */
export async function deliverNotification(target: DeliveryTarget, content: NotificationContent, idempotencyKey: string, options: DeliverOptions): Promise<DeliveryResult> {
  const body = JSON.stringify(notificationBody(target.kind, content, target.routingKey));
  const headers: Record<string, string> = { "idempotency-key": idempotencyKey };
  if (target.secret) headers[SIGNATURE_HEADER] = signWebhookBody(target.secret, body, Math.floor((options.now?.() ?? new Date()).getTime() / 1000));
  return postWebhook(target.url, body, headers, { policy: options.policy, timeoutMs: options.timeoutMs });
}
