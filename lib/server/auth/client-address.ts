import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "../env";
import { logger } from "../logger";

/**
 * Stamped by scripts/serve.mjs as "<secret> <socket address>", overwriting anything a client
 * sent. The secret is made per process and handed to the app as TRIAGE_PEER_SECRET.
 */
export const PEER_HEADER = "x-triage-peer";
export const UNKNOWN_PEER = "unknown";

function normalize(address: string): string {
  return address.trim().replace(/^::ffff:/, "");
}

export function trustedProxies(): Set<string> {
  return new Set(getEnv().TRUSTED_PROXIES.split(",").map(normalize).filter(Boolean));
}

const digest = (value: string) => createHash("sha256").update(value).digest();

let warnedUnstamped = false;

/**
 * The direct peer's address, believed only with the wrapper's secret. Without it (bare
 * `next start`, another server, a client's own header) every client is "unknown": never a
 * trusted proxy, and one shared bucket for the per-address sign-in limit.
 */
export function peerAddress(headers: Headers): string {
  const secret = getEnv().TRIAGE_PEER_SECRET;
  const stamp = headers.get(PEER_HEADER) ?? "";
  const space = stamp.indexOf(" ");
  if (secret && space > 0 && timingSafeEqual(digest(stamp.slice(0, space)), digest(secret))) return normalize(stamp.slice(space + 1)) || UNKNOWN_PEER;
  if (!secret && !warnedUnstamped) {
    warnedUnstamped = true;
    logger.warn("Client addresses are unknown: start Triage with `npm start` (scripts/serve.mjs). Until then every client shares one address for rate limits, the audit log and trusted proxies.");
  }
  return UNKNOWN_PEER;
}

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy, in which case
 * the right-most X-Forwarded-For entry that is not itself a trusted proxy.
 */
export function clientAddress(headers: Headers): string {
  const peer = peerAddress(headers);
  const proxies = trustedProxies();
  if (peer === UNKNOWN_PEER || !proxies.has(peer)) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map(normalize).filter(Boolean);
  for (let index = forwarded.length - 1; index >= 0; index--) {
    const hop = forwarded[index]!;
    if (!proxies.has(hop)) return hop;
  }
  return peer;
}

export function isFromTrustedProxy(headers: Headers): boolean {
  const peer = peerAddress(headers);
  return peer !== UNKNOWN_PEER && trustedProxies().has(peer);
}
