import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { notFound } from "../errors";

/** Revocation is immediate: the next request with the token is refused. Revoking twice is a no-op. */
export async function revokeApiToken(tokenId: string, actor: Actor, ip?: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!token) throw notFound("No such API token.");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent({ actor, action: "token.revoked", targetType: "api_token", targetId: tokenId, details: { name: token.name, prefix: token.prefix }, ip }, tx);
  });
}
