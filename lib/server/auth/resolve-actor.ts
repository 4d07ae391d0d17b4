import "server-only";
import { weakerRole } from "@/lib/auth/roles";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { getEnv } from "../env";
import { isFromTrustedProxy } from "./client-address";
import { hashSecretToken } from "./secret-token";
import { SESSION_COOKIE } from "./session-cookie";

// Sliding the idle expiry costs a write; do it at most once a minute per session.
const TOUCH_AFTER_MS = 60_000;

function readCookie(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

async function actorFromSession(token: string, now: Date): Promise<Actor | null> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { tokenHash: hashSecretToken(token) }, include: { user: true } });
  if (!session || session.user.disabledAt) return null;
  if (session.expiresAt <= now || session.idleExpiresAt <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    const idle = new Date(Math.min(session.expiresAt.getTime(), now.getTime() + getEnv().SESSION_IDLE_MINUTES * 60_000));
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now, idleExpiresAt: idle } });
  }
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

async function actorFromApiToken(token: string, now: Date): Promise<Actor | null> {
  const db = getDb();
  const apiToken = await db.apiToken.findUnique({ where: { tokenHash: hashSecretToken(token) }, include: { user: true } });
  if (!apiToken || apiToken.revokedAt || apiToken.user.disabledAt) return null;
  if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await db.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: now } });
  }
  const { user } = apiToken;
  return { id: user.id, email: user.email, name: `${user.name} (token ${apiToken.name})`, role: weakerRole(apiToken.role, user.role), via: "token" };
}

/**
 * First visit through SSO: the account is created with the default role; admins raise it.
 * A browser opening several tabs at once sends parallel first requests: the losers of the
 * race on the unique email read the winner's row.
 */
async function createSsoUser(email: string) {
  const db = getDb();
  try {
    return await db.user.create({ data: { email, name: email.split("@")[0] ?? email, passwordHash: "!sso", role: getEnv().AUTH_PROXY_DEFAULT_ROLE } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.user.findUniqueOrThrow({ where: { email } });
  }
}

/** Single sign-on: believed only from configured proxy addresses, and only for known, enabled users. */
async function actorFromProxyHeader(headers: Headers): Promise<Actor | null> {
  const headerName = getEnv().AUTH_PROXY_HEADER;
  if (!headerName || !isFromTrustedProxy(headers)) return null;
  const email = headers.get(headerName)?.trim().toLowerCase();
  if (!email) return null;
  const user = (await getDb().user.findUnique({ where: { email } })) ?? (await createSsoUser(email));
  if (user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "proxy" };
}

/** Who is calling: an API token, a session cookie, or a trusted proxy's identity header. */
export async function resolveActor(headers: Headers, now = new Date()): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return actorFromApiToken(authorization.slice(7).trim(), now);
  const cookie = readCookie(headers, SESSION_COOKIE);
  if (cookie) {
    const actor = await actorFromSession(cookie, now);
    if (actor) return actor;
  }
  return actorFromProxyHeader(headers);
}

export { readCookie };
