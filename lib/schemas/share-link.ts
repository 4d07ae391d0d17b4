import { z } from "zod";
import { storableText } from "./storable-text";

/**
 * The views a link can freeze. A new view registers here and in lib/share/view-kinds.ts (its
 * parsers and path), and optionally in lib/server/share/snapshot-captures.ts (its snapshot).
 */
export const SHARE_VIEW_KINDS = [
  "overview",
  "explorer",
  "request",
  "alerts",
  "alert",
  "slow-queries",
  "slow-query",
] as const;
export type ShareViewKind = (typeof SHARE_VIEW_KINDS)[number];

/** The state format written today; lib/share/restore-view-state.ts reads this and older ones. */
export const SHARE_STATE_VERSION = 1;

/** Snapshots keep the view's answers up to this many bytes of JSON (and at most 500 lines). */
export const SNAPSHOT_MAX_BYTES = 2 * 1024 * 1024;
export const SNAPSHOT_MAX_LINES = 500;

// 16 random bytes in base64url are 22 characters; the pattern only says what a slug could be.
export const SLUG_PATTERN = /^[A-Za-z0-9_-]{22}$/;

const paramKey = z.string().regex(/^[a-z][A-Za-z0-9_]{0,39}$/, "not a view setting");
const paramValue = storableText({ max: 4000, trim: false });

/** A view as the browser has it: its URL query (as the view's parsers serialise it) and path segments. */
export const shareViewSchema = z.object({
  kind: z.enum(SHARE_VIEW_KINDS, { error: `kind must be one of ${SHARE_VIEW_KINDS.join(", ")}` }),
  params: z.record(paramKey, paramValue).refine((value) => Object.keys(value).length <= 40, "at most 40 settings"),
  pathParams: z.object({ id: storableText({ max: 256 }).optional() }).strict().default({}),
  /** The sender's IANA zone ("Europe/Berlin"), so the banner can say which clock they read. */
  senderTimeZone: storableText({ max: 64 }).regex(/^[A-Za-z0-9_+\-/]+$/, "an IANA time zone such as Europe/Berlin").default("UTC"),
});
export type ShareView = z.infer<typeof shareViewSchema>;

export const linkNameSchema = storableText({ max: 200 });

export const createShareLinkSchema = shareViewSchema.extend({
  name: linkNameSchema.optional(),
  /** Also store what was on screen (the view's answers and up to 500 lines). */
  snapshot: z.boolean().default(false),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateShareLinkInput = z.input<typeof createShareLinkSchema>;

export const renameShareLinkSchema = z.object({ name: linkNameSchema.min(1, "enter a name") });

// Anything may arrive as a slug; the verb answers every miss with the same 404.
export const slugParamsSchema = z.object({ slug: z.string().max(2000) });

export const listShareLinksQuerySchema = z.object({ all: z.enum(["true", "false"]).optional() }).strict();

export const shareLinkSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  createdByName: z.string(),
  createdByEmail: z.string(),
  createdAt: z.string(),
  frozenAt: z.string(),
  expiresAt: z.string().nullable(),
  hasSnapshot: z.boolean(),
  /** The range the link froze, for the list. */
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type ShareLinkSummary = z.infer<typeof shareLinkSummarySchema>;

export interface SharedViewResponse extends ShareLinkSummary {
  senderTimeZone: string;
  /** The sender's time-zone mode (utc or browser). */
  senderZoneMode: string;
  liveFrom: string | null;
  liveTo: string | null;
  /** Where the view opens, with what could be restored. */
  href: string;
  /** Where "back to live" goes: the same view with the sender's relative range. */
  liveHref: string;
  notes: string[];
  /** The view as restored: its kind (the overview when the stored one is gone) and settings. */
  restored: { kind: string; params: Record<string, string> };
  snapshot: { capturedAt: string; lineCount: number; sizeBytes: number; answers: Record<string, unknown> } | null;
}
