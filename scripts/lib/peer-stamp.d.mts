export const PEER_HEADER: "x-triage-peer";
export const PEER_SECRET_ENV: "TRIAGE_PEER_SECRET";
export function createPeerSecret(): string;
export function peerStamp(secret: string, address: string): string;
