import "server-only";
import type { SharedViewResponse } from "@/lib/schemas/share-link";
import { restoredHref, restoreViewState } from "@/lib/share/restore-view-state";
import { VIEW_KINDS } from "@/lib/share/view-kinds";
import { getDb } from "../db";
import { notFound } from "../errors";
import { NO_SUCH_LINK, toShareLinkSummary } from "./share-link-rows";

/**
 * The view a slug opens, for any signed-in reader. Every miss (malformed, unknown, deleted,
 * expired) runs the same query and throws the same 404, so answers say nothing about which slugs exist.
 */
export async function openShareLink(slug: string, now: Date = new Date()): Promise<SharedViewResponse> {
  const row = await getDb().shareLink.findUnique({ where: { slug }, include: { snapshot: true } });
  if (!row || (row.expiresAt && row.expiresAt <= now)) throw notFound(NO_SUCH_LINK);
  const restored = restoreViewState(row);
  const params = restored.params;
  const live: Record<string, string> = { ...params, ...(row.liveFrom ? { from: row.liveFrom } : {}), ...(row.liveTo ? { to: row.liveTo } : {}) };
  const time = VIEW_KINDS[restored.kind].time;
  if (time.kind === "instant" && time.liveDrops) delete live[time.key];
  return {
    ...toShareLinkSummary({ ...row, snapshot: row.snapshot ? { linkId: row.snapshot.linkId } : null }),
    senderTimeZone: row.senderTimeZone,
    senderZoneMode: params.tz ?? "utc",
    liveFrom: row.liveFrom,
    liveTo: row.liveTo,
    href: restoredHref(restored, { shared: row.slug }),
    liveHref: restoredHref({ path: restored.path, params: live }),
    notes: restored.notes,
    restored: { kind: restored.kind, params },
    snapshot: row.snapshot
      ? { capturedAt: row.snapshot.capturedAt.toISOString(), lineCount: row.snapshot.lineCount, sizeBytes: row.snapshot.sizeBytes, answers: row.snapshot.answers as Record<string, unknown> }
      : null,
  };
}
