import "server-only";
import { createHash } from "node:crypto";
import { addressBucket } from "@/lib/auth/address-bucket";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { getEnv } from "../env";

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${addressBucket(ip)}`;

export type LoginReservation = { limited: false; attemptIds: string[] } | { limited: true; retryAfterSeconds: number };

// Waiting behind up to a window's worth of attempts on one key takes milliseconds; the bound only
// stops a stuck database from holding requests forever.
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 10_000 };

/**
 * Checks the failed-sign-in limits per account and per address and, if neither is reached,
 * records this attempt as a failure before any password is checked, all while holding a
 * transaction lock per key. So N parallel attempts can never all pass the check: the
 * (limit+1)-th waits for the lock, then sees the earlier attempts and is refused.
 */
export async function reserveLoginAttempt(email: string, ip: string, now = new Date()): Promise<LoginReservation> {
  const env = getEnv();
  const limits = [
    { key: accountKey(email), max: env.LOGIN_MAX_FAILURES_PER_ACCOUNT },
    { key: addressKey(ip), max: env.LOGIN_MAX_FAILURES_PER_ADDRESS },
  ];
  const since = new Date(now.getTime() - env.LOGIN_WINDOW_MINUTES * 60_000);
  return getDb().$transaction(async (tx) => {
    // One lock order for everyone (by lock id), so two attempts sharing both keys never deadlock.
    for (const lockId of limits.map(({ key }) => lockIdFor(key)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lockId}::bigint)`;
    }
    // Counted in a statement after the lock: in READ COMMITTED each statement sees what was
    // committed before it began, so this sees every attempt whose holder released the lock.
    for (const { key, max } of limits) {
      const failures = await tx.loginAttempt.findMany({ where: { key, succeeded: false, createdAt: { gt: since } }, orderBy: { createdAt: "desc" }, take: max, select: { createdAt: true } });
      if (failures.length < max) continue;
      const oldest = failures[failures.length - 1]!.createdAt;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + env.LOGIN_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
      await reportLockoutOnce(tx, { key, email, ip, lockedSince: failures[0]!.createdAt, retryAfterSeconds });
      return { limited: true, retryAfterSeconds };
    }
    const attempts = limits.map(({ key }) => ({ id: crypto.randomUUID(), key, succeeded: false, createdAt: now }));
    await tx.loginAttempt.createMany({ data: attempts });
    return { limited: false, attemptIds: attempts.map((attempt) => attempt.id) };
  }, TRANSACTION_LIMITS);
}

/** A reserved attempt whose password was right stops counting as a failure. */
export async function markLoginAttemptSucceeded(reservation: { attemptIds: string[] }): Promise<void> {
  await getDb().loginAttempt.updateMany({ where: { id: { in: reservation.attemptIds } }, data: { succeeded: true } });
}

// Refused attempts are not audited one by one (a flood would flood the audit log): one row per
// key per lock-out, written under that key's lock so parallel refusals agree on who writes it.
async function reportLockoutOnce(tx: Prisma.TransactionClient, lockout: { key: string; email: string; ip: string; lockedSince: Date; retryAfterSeconds: number }): Promise<void> {
  const reported = await tx.auditLog.findFirst({ where: { action: "auth.login_rate_limited", targetType: "login_limit", targetId: lockout.key, createdAt: { gte: lockout.lockedSince } }, select: { id: true } });
  if (reported) return;
  const details = { email: lockout.email, limit: lockout.key.startsWith("ip:") ? "address" : "account", lockedForSeconds: lockout.retryAfterSeconds };
  await recordAuditEvent({ action: "auth.login_rate_limited", targetType: "login_limit", targetId: lockout.key, details, ip: lockout.ip }, tx);
}

/** A 64-bit advisory lock id per key (the first 8 bytes of its SHA-256). */
function lockIdFor(key: string): bigint {
  return createHash("sha256").update(key).digest().readBigInt64BE(0);
}

// Each sign-in removes at most this many stale rows, of anyone's: cheap per attempt (an index
// range on created_at) and always ahead of the two rows an attempt adds.
export const PRUNE_BATCH = 100;

/** Attempts older than the window no longer count for any limit. */
export async function pruneLoginAttempts(now = new Date()): Promise<number> {
  const db = getDb();
  const cutoff = new Date(now.getTime() - getEnv().LOGIN_WINDOW_MINUTES * 60_000);
  const stale = await db.loginAttempt.findMany({ where: { createdAt: { lt: cutoff } }, select: { id: true }, take: PRUNE_BATCH });
  if (stale.length === 0) return 0;
  const { count } = await db.loginAttempt.deleteMany({ where: { id: { in: stale.map((row) => row.id) } } });
  return count;
}
