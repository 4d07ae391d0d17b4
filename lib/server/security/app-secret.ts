import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb } from "../db";

/** The app_settings row that keeps the generated secret when TRIAGE_SECRET is not set. */
export const APP_SECRET_SETTING_KEY = "security.app-secret";
const MIN_CONFIGURED_LENGTH = 32;
const GENERATED_BYTES = 32;

let cached: Promise<Buffer> | undefined;

/**
 * The server's signing secret (page cursors today; share links and webhook signatures later):
 * TRIAGE_SECRET when set, otherwise one generated on first use and kept in Postgres so every
 * instance signs alike. Cached per process; a failed read (Postgres down) is retried next time.
 */
export function getAppSecret(): Promise<Buffer> {
  if (!cached) {
    const attempt = Promise.resolve().then(() => configuredSecret(process.env.TRIAGE_SECRET) ?? readOrCreateStoredSecret(getDb()));
    cached = attempt;
    attempt.catch(() => {
      if (cached === attempt) cached = undefined;
    });
  }
  return cached;
}

/** TRIAGE_SECRET as key bytes; unset or empty means "use the stored one". */
export function configuredSecret(value: string | undefined): Buffer | null {
  if (!value) return null;
  if (value.length < MIN_CONFIGURED_LENGTH) throw new Error(`TRIAGE_SECRET must be at least ${MIN_CONFIGURED_LENGTH} characters (try: openssl rand -base64 32)`);
  return Buffer.from(value, "utf8");
}

/**
 * Reads the stored secret, creating it first if there is none. Insert-if-absent, then read: two
 * instances starting together both insert, one insert wins, and both read the winner's.
 */
export async function readOrCreateStoredSecret(db: PrismaClient): Promise<Buffer> {
  const stored = await db.appSetting.findUnique({ where: { key: APP_SECRET_SETTING_KEY } });
  if (stored) return decodeStored(stored.value);
  const candidate = randomBytes(GENERATED_BYTES).toString("base64url");
  await db.appSetting.createMany({ data: [{ key: APP_SECRET_SETTING_KEY, value: candidate, updatedBy: "triage" }], skipDuplicates: true });
  const row = await db.appSetting.findUniqueOrThrow({ where: { key: APP_SECRET_SETTING_KEY } });
  return decodeStored(row.value);
}

function decodeStored(value: unknown): Buffer {
  const bytes = typeof value === "string" ? Buffer.from(value, "base64url") : Buffer.alloc(0);
  if (bytes.length < GENERATED_BYTES) throw new Error(`the stored ${APP_SECRET_SETTING_KEY} setting is not a secret Triage wrote; delete the row to generate a new one`);
  return bytes;
}
