import { createHash } from "node:crypto";
import { z } from "zod";
import { MAX_CURSOR_LENGTH } from "@/lib/schemas/log-search";
import { signToken, verifyToken } from "@/lib/security/hmac-token";

/** A place in a sorted result: [timestamp in epoch ms, _shard_doc], or BEFORE_ANY_SHARD_DOC for "the start of that millisecond's run". */
export type SortPosition = [number, number];

/**
 * Where the next (or previous) page of an explorer view starts. It travels in the URL as an
 * opaque token signed with the app secret, so "page 21" can be reloaded and shared but not
 * forged. It names a position in a view, never a point in time: the server keeps those per
 * viewer (lib/server/logs/explorer-pits.ts), so a replayed link cannot open or name one.
 */
export interface PageCursor {
  after: SortPosition;
  /** "prev" reads backwards from `after` and flips the lines, so no stack of cursors is needed. */
  direction: "next" | "prev";
  /** 1-based number of the page this cursor leads to. */
  page: number;
  /** Lines before that page, for "lines 10,001–10,500 of 12,000". */
  offset: number;
  /** The first page's resolved range (epoch ms), kept so paging never shifts under the reader. */
  from: number;
  to: number;
  /** Which search this cursor belongs to; see searchFingerprint. */
  fingerprint: string;
  /** The page that handed it out was read in a point in time, so reading on in a new one is a new snapshot. */
  snapshot: boolean;
}

const VERSION = 2;
const PURPOSE = "triage.page-cursor.v2";
const wireSchema = z.tuple([
  z.literal(VERSION),
  z.tuple([z.number().int(), z.number().int()]),
  z.enum(["next", "prev"]),
  z.number().int().min(1),
  z.number().int().min(0),
  z.number().int(),
  z.number().int(),
  z.string().regex(/^[0-9a-f]{16}$/),
  z.boolean(),
]);

export function encodePageCursor(cursor: PageCursor, key: Uint8Array): string {
  const wire = [VERSION, cursor.after, cursor.direction, cursor.page, cursor.offset, cursor.from, cursor.to, cursor.fingerprint, cursor.snapshot];
  return signToken(JSON.stringify(wire), key, PURPOSE);
}

/**
 * The cursor, or null when the token is truncated, edited, signed with another secret or from
 * another version. The range it carries is only shape-checked here; the server re-checks it
 * against the same limits as a URL's range.
 */
export function decodePageCursor(token: string, key: Uint8Array): PageCursor | null {
  if (token.length > MAX_CURSOR_LENGTH) return null;
  const wire = verifyToken(token, key, PURPOSE);
  if (wire === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(wire);
  } catch {
    return null;
  }
  const parsed = wireSchema.safeParse(json);
  if (!parsed.success) return null;
  const [, after, direction, page, offset, from, to, fingerprint, snapshot] = parsed.data;
  return { after, direction, page, offset, from, to, fingerprint, snapshot };
}

export interface FingerprintInput {
  indexPattern: string;
  q: string;
  service: string[];
  environment: string[];
  level: string[];
  status: string[];
  size: number;
  order: string;
}

const sha256 = (value: unknown, hexChars: number) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, hexChars);

/**
 * What a cursor must agree with to be followed: the search, not the time range (a shared link
 * freezes "now-1h" into dates, and the cursor carries the range it was made with anyway).
 */
export function searchFingerprint(input: FingerprintInput): string {
  const sorted = (values: string[]) => [...values].sort();
  return sha256([input.indexPattern, input.q.trim(), sorted(input.service), sorted(input.environment), sorted(input.level), sorted(input.status), input.size, input.order], 16);
}

/**
 * The view a viewer is looking at: the search plus the range as the URL states it ("now-1h" stays
 * "now-1h" while paging). A viewer holds a point in time for one view; another view replaces it.
 */
export function explorerViewKey(fingerprint: string, range: { from: string; to: string }): string {
  return sha256([fingerprint, range.from.trim(), range.to.trim()], 32);
}
