import "server-only";
import type { CreatedApiToken } from "@/lib/schemas/admin";
import type { Actor, CreateApiTokenInput } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { API_TOKEN_PREFIX, createSecretToken, hashSecretToken } from "../auth/secret-token";
import { getDb } from "../db";


/** The raw token is returned this once and never stored; only its hash and a short prefix are. */
export async function createApiToken(input: CreateApiTokenInput, actor: Actor, ip?: string): Promise<CreatedApiToken> {
  const token = createSecretToken(API_TOKEN_PREFIX);
  const prefix = token.slice(0, API_TOKEN_PREFIX.length + 6);
  return getDb().$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { name: input.name, role: input.role, tokenHash: hashSecretToken(token), prefix, userId: actor.id } });
    await recordAuditEvent({ actor, action: "token.created", targetType: "api_token", targetId: created.id, details: { name: input.name, role: input.role, prefix }, ip }, tx);
    return { id: created.id, name: created.name, prefix, role: created.role, owner: actor.email, createdAt: created.createdAt.toISOString(), lastUsedAt: null, revokedAt: null, token };
  });
}
