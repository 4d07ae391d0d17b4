import "server-only";
import { getEnv } from "../env";

/** Set by scripts/serve.mjs from the socket, overwriting anything a client sent. */
export const PEER_HEADER = "x-triage-peer";

function normalize(address: string): string {
  return address.trim().replace(/^::ffff:/, "");
}

export function trustedProxies(): Set<string> {
  return new Set(getEnv().TRUSTED_PROXIES.split(",").map(normalize).filter(Boolean));
}

/** The direct peer's address, or "unknown" when the app runs without our server wrapper. */
export function peerAddress(headers: Headers): string {
  const peer = headers.get(PEER_HEADER);
  return peer ? normalize(peer) : "unknown";
}

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy, in which case
 * the right-most X-Forwarded-For entry that is not itself a trusted proxy.
 */
export function clientAddress(headers: Headers): string {
  const peer = peerAddress(headers);
  const proxies = trustedProxies();
  if (!proxies.has(peer)) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map(normalize).filter(Boolean);
  for (let index = forwarded.length - 1; index >= 0; index--) {
    const hop = forwarded[index]!;
    if (!proxies.has(hop)) return hop;
  }
  return peer;
}

export function isFromTrustedProxy(headers: Headers): boolean {
  return trustedProxies().has(peerAddress(headers));
}
