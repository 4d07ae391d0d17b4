// How scripts/serve.mjs tells the app who is really connected, in a way only it can: the
// socket's address travels with a per-process secret (read back in lib/server/auth/client-address.ts).
import { randomBytes } from "node:crypto";

export const PEER_HEADER = "x-triage-peer";
export const PEER_SECRET_ENV = "TRIAGE_PEER_SECRET";

export function createPeerSecret() {
  return randomBytes(32).toString("base64url");
}

/** "<secret> <address>": a client cannot forge it without the secret, which never leaves the process. */
export function peerStamp(secret, address) {
  return `${secret} ${address}`;
}
