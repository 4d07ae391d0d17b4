import "server-only";
import type { LoginInput } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ApiError } from "../errors";
import { createSession, type NewSession } from "./create-session";
import { checkLoginRateLimit, recordLoginAttempt } from "./login-rate-limit";
import { verifyPassword } from "./password";

// One message for every failure, so the answer never tells whether an account exists.
const REFUSED = "Email or password is incorrect.";

export async function logIn(input: LoginInput, meta: { ip: string; userAgent?: string }): Promise<NewSession & { userId: string }> {
  const limit = await checkLoginRateLimit(input.email, meta.ip);
  if (limit.limited) {
    await recordAuditEvent({ action: "auth.login_rate_limited", details: { email: input.email }, ip: meta.ip });
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    throw new ApiError(429, "rate_limited", `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = await getDb().user.findUnique({ where: { email: input.email } });
  const passwordOk = await verifyPassword(user && !user.disabledAt ? user.passwordHash : null, input.password);
  await recordLoginAttempt(input.email, meta.ip, passwordOk);
  if (!user || !passwordOk) {
    await recordAuditEvent({ action: "auth.login_failed", details: { email: input.email }, ip: meta.ip });
    throw new ApiError(401, "unauthorized", REFUSED);
  }
  // Expired sessions are otherwise only removed when presented; sign-in is a good moment to tidy.
  await getDb().session.deleteMany({ where: { userId: user.id, OR: [{ expiresAt: { lte: new Date() } }, { idleExpiresAt: { lte: new Date() } }] } });
  const session = await createSession(user.id, meta);
  await recordAuditEvent({ actor: user, action: "auth.login", ip: meta.ip });
  return { ...session, userId: user.id };
}
