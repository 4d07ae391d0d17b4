import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { logger } from "../logger";

export interface AuditEvent {
  actor?: Pick<Actor, "id" | "email"> | null;
  /** Dotted verb: "auth.login", "auth.login_failed", "user.role_changed", "token.created"… */
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string;
}

/** Security events go to Postgres for admins, and to our JSON log for the log pipeline. */
export async function recordAuditEvent(event: AuditEvent, tx: Prisma.TransactionClient = getDb()): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: event.actor?.id ?? null,
      actorEmail: event.actor?.email ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      details: event.details,
      ip: event.ip ?? null,
    },
  });
  logger.info({ audit: { action: event.action, actor: event.actor?.email, target: event.targetId }, client: { ip: event.ip } }, `audit ${event.action}`);
}
