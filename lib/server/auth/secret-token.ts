import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random secret for a cookie or an API token; only its hash is ever stored. */
export function createSecretToken(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const API_TOKEN_PREFIX = "trg_";
