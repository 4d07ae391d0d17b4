import "server-only";
import { randomUUID } from "node:crypto";
import { problemNotificationContent } from "@/lib/alerts/notification-content";
import type { DeliveryResult } from "@/lib/schemas/contact-point";
import { unprocessable } from "../errors";
import { assertWebhookUrlAllowed, webhookPolicyFromEnv, WebhookUrlRefusedError } from "../security/webhook-url-policy";
import { deliverNotification, type DeliveryTarget } from "./deliver";
import { notifyConfig } from "./notify-config";

/**
 * The contact point form's "Send test": one signed delivery, now, outside the outbox. A URL the
 * policy refuses is a 422 on `url`; a receiver that fails is a result with ok false (the form
 * shows status, latency and error), not an exception.
 */
export async function sendTestNotification(contactPoint: DeliveryTarget & { name: string }): Promise<DeliveryResult> {
  const policy = webhookPolicyFromEnv();
  try {
    await assertWebhookUrlAllowed(contactPoint.url, policy);
  } catch (error) {
    if (error instanceof WebhookUrlRefusedError) throw unprocessable(error.message, { url: error.message });
    throw error;
  }
  const config = notifyConfig();
  const content = problemNotificationContent({ kind: "test", key: `test:${randomUUID()}`, message: `contact point ${contactPoint.name} is wired up`, at: new Date(), appUrl: config.appUrl });
  return deliverNotification(contactPoint, content, `test-${randomUUID()}`, { policy, timeoutMs: config.timeoutMs });
}
