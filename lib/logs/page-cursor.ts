import { z } from "zod";
import { MAX_CURSOR_LENGTH } from "@/lib/schemas/log-search";

/**
 * Where the next (or previous) page of an explorer view starts. It travels in the URL as an
 * opaque, URL-safe token so "page 21" can be reloaded and shared while its point in time lives.
 */
export interface PageCursor {
  /** The point in time to read; null when leaving the live first page (the server opens one then). */
  pit: string | null;
  /** search_after values: [timestamp, _shard_doc]. */
  after: unknown[];
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
}

const VERSION = 1;
const sortValue = z.union([z.number(), z.string(), z.null()]);
const wireSchema = z.tuple([
  z.literal(VERSION),
  z.string().min(1).max(MAX_CURSOR_LENGTH).nullable(),
  z.array(sortValue).min(1).max(4),
  z.enum(["next", "prev"]),
  z.number().int().min(1),
  z.number().int().min(0),
  z.number().int(),
  z.number().int(),
  z.string().regex(/^[0-9a-f]{8}$/),
]);

/** FNV-1a, 32 bits: catches a cursor damaged in transit. Not a signature; the server re-checks what it reads. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export function encodePageCursor(cursor: PageCursor): string {
  const wire = JSON.stringify([VERSION, cursor.pit, cursor.after, cursor.direction, cursor.page, cursor.offset, cursor.from, cursor.to, cursor.fingerprint]);
  return Buffer.from(`${fnv1a(wire)}${wire}`, "utf8").toString("base64url");
}

/** The cursor, or null when the token is truncated, edited or from another version. */
export function decodePageCursor(token: string): PageCursor | null {
  if (token.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const text = Buffer.from(token, "base64url").toString("utf8");
  const wire = text.slice(8);
  if (text.length < 9 || fnv1a(wire) !== text.slice(0, 8)) return null;
  let json: unknown;
  try {
    json = JSON.parse(wire);
  } catch {
    return null;
  }
  const parsed = wireSchema.safeParse(json);
  if (!parsed.success) return null;
  const [, pit, after, direction, page, offset, from, to, fingerprint] = parsed.data;
  if (from >= to) return null;
  return { pit, after, direction, page, offset, from, to, fingerprint };
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

/**
 * What a cursor must agree with to be followed: the search, not the time range (a shared link
 * freezes "now-1h" into dates, and the cursor carries the range it was made with anyway).
 */
export function searchFingerprint(input: FingerprintInput): string {
  const sorted = (values: string[]) => [...values].sort();
  return fnv1a(JSON.stringify([input.indexPattern, input.q.trim(), sorted(input.service), sorted(input.environment), sorted(input.level), sorted(input.status), input.size, input.order]));
}
