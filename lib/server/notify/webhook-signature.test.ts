import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "./webhook-signature";

describe("webhook signatures", () => {
  const secret = "contact-point-secret-0123456789";
  const body = '{"kind":"firing"}';
  it("is HMAC-SHA256 over '<t>.<body>' as t=…,v1=…", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signWebhookBody(secret, body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });
  it("verifies its own, and refuses another body, another secret, a stale timestamp or junk", () => {
    const header = signWebhookBody(secret, body, 1700000000);
    expect(verifyWebhookSignature(secret, body, header, { now: 1700000100 })).toBe(true);
    expect(verifyWebhookSignature(secret, `${body} `, header, { now: 1700000100 })).toBe(false);
    expect(verifyWebhookSignature("another-secret-0123456789", body, header, { now: 1700000100 })).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, { now: 1700001000 })).toBe(false);
    expect(verifyWebhookSignature(secret, body, "v1=abc", { now: 1700000100 })).toBe(false);
    expect(verifyWebhookSignature(secret, body, undefined)).toBe(false);
  });
});
