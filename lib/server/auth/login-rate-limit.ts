import "server-only";
import { getDb } from "../db";
import { getEnv } from "../env";

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/**
 * Failed logins in the window, per account and per address, counted in Postgres so the
 * limit holds across app instances. Returns minutes until the oldest failure ages out.
 */
export async function checkLoginRateLimit(email: string, ip: string, now = new Date()): Promise<{ limited: false } | { limited: true; retryAfterSeconds: number }> {
  const env = getEnv();
  const since = new Date(now.getTime() - env.LOGIN_WINDOW_MINUTES * 60_000);
  const db = getDb();
  const limits: Array<[string, number]> = [[accountKey(email), env.LOGIN_MAX_FAILURES_PER_ACCOUNT], [addressKey(ip), env.LOGIN_MAX_FAILURES_PER_ADDRESS]];
  for (const [key, max] of limits) {
    const failures = await db.loginAttempt.findMany({ where: { key, succeeded: false, createdAt: { gt: since } }, orderBy: { createdAt: "desc" }, take: max, select: { createdAt: true } });
    if (failures.length >= max) {
      const oldest = failures[failures.length - 1]!.createdAt;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + env.LOGIN_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
      return { limited: true, retryAfterSeconds };
    }
  }
  return { limited: false };
}

// Attempts older than this no longer matter to any window; they are pruned as new ones arrive.
const KEEP_ATTEMPTS_MS = 86_400_000;

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean, now = new Date()): Promise<void> {
  const keys = [accountKey(email), addressKey(ip)];
  await getDb().$transaction([
    getDb().loginAttempt.deleteMany({ where: { key: { in: keys }, createdAt: { lt: new Date(now.getTime() - KEEP_ATTEMPTS_MS) } } }),
    getDb().loginAttempt.createMany({ data: keys.map((key) => ({ key, succeeded, createdAt: now })) }),
  ]);
}
