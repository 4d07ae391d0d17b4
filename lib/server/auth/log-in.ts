import "server-only";
import type { LoginInput } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ApiError } from "../errors";
import { createSession, type NewSession } from "./create-session";
import { markLoginAttemptSucceeded, pruneLoginAttempts, reserveLoginAttempt } from "./login-rate-limit";
import { verifyPassword } from "./password";

// One message for every failure, so the answer never tells whether an account exists.
const REFUSED = "Email or password is incorrect.";

export interface LogInDeps {
  verifyPassword: typeof verifyPassword;
}

const defaultDeps: LogInDeps = { verifyPassword };

export async function logIn(input: LoginInput, meta: { ip: string; userAgent?: string }, deps: LogInDeps = defaultDeps): Promise<NewSession & { userId: string }> {
  // The attempt is counted before the password is checked, so parallel guesses cannot outrun the limit.
  const reservation = await reserveLoginAttempt(input.email, meta.ip);
  await pruneLoginAttempts();
  if (reservation.limited) {
    const minutes = Math.ceil(reservation.retryAfterSeconds / 60);
    throw new ApiError(429, "rate_limited", `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = await getDb().user.findUnique({ where: { email: input.email } });
  const passwordOk = await deps.verifyPassword(user && !user.disabledAt ? user.passwordHash : null, input.password);
  if (!user || !passwordOk) {
    await recordAuditEvent({ action: "auth.login_failed", details: { email: input.email }, ip: meta.ip });
    throw new ApiError(401, "unauthorized", REFUSED);
  }
  await markLoginAttemptSucceeded(reservation);
  // Expired sessions are otherwise only removed when presented; sign-in is a good moment to tidy.
  await getDb().session.deleteMany({ where: { userId: user.id, OR: [{ expiresAt: { lte: new Date() } }, { idleExpiresAt: { lte: new Date() } }] } });
  const session = await createSession(user.id, meta);
  await recordAuditEvent({ actor: user, action: "auth.login", ip: meta.ip });
  return { ...session, userId: user.id };
}
