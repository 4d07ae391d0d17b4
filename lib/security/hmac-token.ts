import { createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 output length; the token starts with it. */
const MAC_BYTES = 32;

/**
 * The MAC binds the purpose too, so a token signed for one feature (page cursors) never
 * verifies as another's (share links, webhook bodies) although they share the app secret.
 */
function mac(key: Uint8Array, purpose: string, payload: Uint8Array): Buffer {
  return createHmac("sha256", key).update(purpose).update("\0").update(payload).digest();
}

/** A URL-safe token: base64url(HMAC-SHA256(key, purpose, payload) || payload). */
export function signToken(payload: string, key: Uint8Array, purpose: string): string {
  const bytes = Buffer.from(payload, "utf8");
  return Buffer.concat([mac(key, purpose, bytes), bytes]).toString("base64url");
}

/** The payload when the token was signed with this key and purpose; null when forged, edited or truncated. */
export function verifyToken(token: string, key: Uint8Array, purpose: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length <= MAC_BYTES) return null;
  const payload = bytes.subarray(MAC_BYTES);
  if (!timingSafeEqual(bytes.subarray(0, MAC_BYTES), mac(key, purpose, payload))) return null;
  return payload.toString("utf8");
}
