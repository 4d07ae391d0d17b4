import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { hashSecretToken } from "./secret-token";

/** Ends this session, or with everywhere=true every session of the user (lost laptop). */
export async function logOut(actor: Actor, sessionToken: string | undefined, options: { everywhere: boolean; ip: string }): Promise<{ ended: number }> {
  const db = getDb();
  const where = options.everywhere || !sessionToken ? { userId: actor.id } : { tokenHash: hashSecretToken(sessionToken), userId: actor.id };
  const { count } = await db.session.deleteMany({ where });
  await recordAuditEvent({ actor, action: options.everywhere ? "auth.logout_everywhere" : "auth.logout", details: { sessionsEnded: count }, ip: options.ip });
  return { ended: count };
}
