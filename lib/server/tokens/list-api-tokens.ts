import "server-only";
import { getDb } from "../db";
import type { ApiTokenSummary } from "@/lib/schemas/admin";

export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  const tokens = await getDb().apiToken.findMany({ include: { user: { select: { email: true } } }, orderBy: { createdAt: "desc" }, take: 500 });
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    role: token.role,
    owner: token.user.email,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  }));
}
