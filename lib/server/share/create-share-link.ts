import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/schemas/auth";
import { SHARE_STATE_VERSION, type ShareLinkSummary, createShareLinkSchema } from "@/lib/schemas/share-link";
import { freezeViewState } from "@/lib/share/freeze-view-state";
import { VIEW_KINDS } from "@/lib/share/view-kinds";
import type { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { unprocessable } from "../errors";
import { captureSnapshot } from "./capture-snapshot";
import { newSlug } from "./new-slug";
import { toShareLinkSummary } from "./share-link-rows";

export type CreateShareLinkParams = z.output<typeof createShareLinkSchema>;

/**
 * Freezes a view into a short link (and, if asked, keeps its answers as a snapshot). The snapshot
 * is captured before the transaction, so no engine call holds a Postgres connection.
 */
export async function createShareLink(input: CreateShareLinkParams, actor: Actor, options: { ip?: string; signal?: AbortSignal; now?: Date } = {}): Promise<ShareLinkSummary & { path: string }> {
  const now = options.now ?? new Date();
  const kind = VIEW_KINDS[input.kind];
  if (kind.path(input.pathParams as Record<string, string>) === null) throw unprocessable(`This view needs the ${kind.label.toLowerCase()} it shows.`, { "pathParams.id": `enter the ${kind.label.toLowerCase()} id this view shows` });
  const frozen = freezeViewState(input, now);
  const snapshot = input.snapshot ? await captureSnapshot(input.kind, frozen, { signal: options.signal, viewer: { id: actor.id } }) : null;
  const name = input.name?.trim() || defaultName(kind.label, frozen.params, input.pathParams.id);
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: {
        slug: newSlug(),
        name,
        kind: input.kind,
        stateVersion: SHARE_STATE_VERSION,
        state: { params: frozen.params, pathParams: frozen.pathParams } as Prisma.InputJsonValue,
        liveFrom: frozen.live?.from ?? null,
        liveTo: frozen.live?.to ?? null,
        senderTimeZone: input.senderTimeZone,
        frozenAt: now,
        createdById: actor.id,
        createdByName: actor.name,
        createdByEmail: actor.email,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
        snapshot: snapshot ? { create: { answers: snapshot.answers as Prisma.InputJsonValue, lineCount: snapshot.lineCount, sizeBytes: snapshot.sizeBytes, capturedAt: now } } : undefined,
      },
      include: { snapshot: { select: { linkId: true } } },
    });
    // The slug is the capability to open the link, so the trail names the row id instead.
    await recordAuditEvent({ actor, action: "share_link.created", targetType: "share_link", targetId: created.id, details: { kind: input.kind, snapshot: Boolean(snapshot), sizeBytes: snapshot?.sizeBytes ?? null }, ip: options.ip }, tx);
    return created;
  });
  return { ...toShareLinkSummary(row), path: `/s/${row.slug}` };
}

function defaultName(label: string, params: Record<string, string>, id: string | undefined): string {
  const when = params.from && params.to ? `${params.from.replace("T", " ").slice(0, 16)} → ${params.to.replace("T", " ").slice(0, 16)} UTC` : (params.around ?? "").replace("T", " ").slice(0, 16);
  return `${label}${id ? ` ${id.slice(0, 80)}` : ""}${when ? ` · ${when}` : ""}`;
}
