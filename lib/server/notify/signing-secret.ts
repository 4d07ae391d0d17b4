import "server-only";
import { randomBytes } from "node:crypto";

/** A fresh contact point signing secret: 32 random bytes, base64url (43 characters). */
export function generateSigningSecret(): string {
  return randomBytes(32).toString("base64url");
}
