import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import type { ShareLinkSummary } from "@/lib/schemas/share-link";
import { getDb } from "../db";
import { ApiError } from "../errors";
import { toShareLinkSummary } from "./share-link-rows";

const LIST_LIMIT = 500;

/** The caller's own links, newest first; `all` (admins only) lists everyone's. */
export async function listShareLinks(actor: Actor, options: { all?: boolean } = {}): Promise<{ links: ShareLinkSummary[] }> {
  if (options.all && actor.role !== "admin") throw new ApiError(403, "forbidden", `Your role (${actor.role}) lists your own links; only admins list everyone's.`);
  const rows = await getDb().shareLink.findMany({
    where: options.all ? {} : { createdById: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    include: { snapshot: { select: { linkId: true } } },
  });
  return { links: rows.map(toShareLinkSummary) };
}
