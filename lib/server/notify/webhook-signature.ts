import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures as GitHub and Stripe do them: HMAC-SHA256 with the contact point's secret
 * over "<unix seconds>.<body>", sent as `X-Triage-Signature: t=<seconds>,v1=<hex>`. The timestamp
 * is signed so a receiver can refuse replays older than a few minutes.
 */
export const SIGNATURE_HEADER = "x-triage-signature";

export function signWebhookBody(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${digest}`;
}

/** What a receiver does: recompute and compare in constant time; false on any malformed header. */
export function verifyWebhookSignature(secret: string, body: string, header: string | undefined, options: { now?: number; toleranceSeconds?: number } = {}): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const t = Number(match[1]);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody(secret, body, t).split("v1=")[1]!, "hex");
  return timingSafeEqual(expected, Buffer.from(match[2]!, "hex"));
}
