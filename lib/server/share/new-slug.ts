import "server-only";
import { randomBytes } from "node:crypto";

/** 128 random bits in base64url (22 characters): unguessable, and nothing about it counts up. */
export function newSlug(): string {
  return randomBytes(16).toString("base64url");
}
