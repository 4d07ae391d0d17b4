import "server-only";
import type { ShareLinkSummary } from "@/lib/schemas/share-link";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ShareLinkRow = Prisma.ShareLinkGetPayload<{ include: { snapshot: { select: { linkId: true } } } }>;

/** The columns every list and banner shows; the frozen range comes from the stored state. */
export function toShareLinkSummary(row: ShareLinkRow): ShareLinkSummary {
  const params = ((row.state as { params?: Record<string, unknown> } | null)?.params ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    createdByName: row.createdByName,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    frozenAt: row.frozenAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    hasSnapshot: row.snapshot !== null,
    from: text(params.from) ?? text(params.around),
    to: text(params.to),
  };
}

/** Who may change a link: its owner, or an admin. */
export function mayManageLink(row: { createdById: string }, actor: { id: string; role: string }): boolean {
  return row.createdById === actor.id || actor.role === "admin";
}

export const NO_SUCH_LINK = "There is no share link here: it never existed, was deleted, or has expired.";
