import "server-only";
import type { AuditEventSummary } from "@/lib/schemas/admin";
import { getDb } from "../db";


export async function listAuditEvents(options: { limit: number; action?: string }): Promise<AuditEventSummary[]> {
  const rows = await getDb().auditLog.findMany({
    where: options.action ? { action: { startsWith: options.action } } : undefined,
    orderBy: { createdAt: "desc" },
    take: options.limit,
  });
  return rows.map((row) => ({ id: row.id, createdAt: row.createdAt.toISOString(), action: row.action, actorEmail: row.actorEmail, targetType: row.targetType, targetId: row.targetId, details: row.details, ip: row.ip }));
}
