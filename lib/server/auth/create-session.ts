import "server-only";
import { getDb } from "../db";
import { getEnv } from "../env";
import { createSecretToken, hashSecretToken } from "./secret-token";

export interface NewSession {
  token: string;
  expiresAt: Date;
}

/** Stores only the token's hash; the raw token goes to the cookie and nowhere else. */
export async function createSession(userId: string, meta: { ip?: string; userAgent?: string }, now = new Date()): Promise<NewSession> {
  const env = getEnv();
  const token = createSecretToken();
  const expiresAt = new Date(now.getTime() + env.SESSION_ABSOLUTE_HOURS * 3_600_000);
  const idleExpiresAt = new Date(Math.min(expiresAt.getTime(), now.getTime() + env.SESSION_IDLE_MINUTES * 60_000));
  await getDb().session.create({
    data: { tokenHash: hashSecretToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt, idleExpiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 512) },
  });
  return { token, expiresAt };
}
