import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodePageCursor, encodePageCursor, explorerViewKey, searchFingerprint, type PageCursor } from "./page-cursor";

const key = Buffer.alloc(32, 3);
const cursor: PageCursor = { after: [1704067201000, 2], direction: "next", page: 3, offset: 1000, from: 1704060000000, to: 1704070000000, fingerprint: "0badf00d0badf00d", snapshot: true };

describe("page cursors", () => {
  it("round-trips through a short, URL-safe, signed token", () => {
    const token = encodePageCursor(cursor, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThan(300);
    expect(decodePageCursor(token, key)).toEqual(cursor);
    expect(decodePageCursor(encodePageCursor({ ...cursor, direction: "prev", snapshot: false }, key), key)).toEqual({ ...cursor, direction: "prev", snapshot: false });
  });

  it("refuses truncated, edited, foreign-key and oversized tokens", () => {
    const token = encodePageCursor(cursor, key);
    expect(decodePageCursor(token.slice(0, -4), key)).toBeNull();
    expect(decodePageCursor(`${token.slice(0, 60)}${token[60] === "x" ? "y" : "x"}${token.slice(61)}`, key)).toBeNull();
    expect(decodePageCursor(token, Buffer.alloc(32, 4))).toBeNull();
    expect(decodePageCursor("hello", key)).toBeNull();
    expect(decodePageCursor("not a cursor!", key)).toBeNull();
    expect(decodePageCursor("", key)).toBeNull();
    expect(decodePageCursor("A".repeat(9_000), key)).toBeNull();
  });

  it("refuses what anyone could compute without the secret: the old checksummed format", () => {
    const wire = JSON.stringify([1, null, [1704067201000, 2], "next", 3, 0, 1, 2, "00000000"]);
    let hash = 0x811c9dc5;
    for (const char of wire) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    expect(decodePageCursor(Buffer.from(`${hash.toString(16).padStart(8, "0")}${wire}`).toString("base64url"), key)).toBeNull();
    const unkeyed = Buffer.concat([createHash("sha256").update(wire).digest(), Buffer.from(wire)]).toString("base64url");
    expect(decodePageCursor(unkeyed, key)).toBeNull();
  });

  it("fingerprints the search, not the order of filter values or the time range", () => {
    const base = { indexPattern: "logs-*", q: "error", service: ["a", "b"], environment: [], level: [], status: ["5xx"], size: 100, order: "desc" };
    expect(searchFingerprint(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(searchFingerprint(base)).toBe(searchFingerprint({ ...base, service: ["b", "a"], q: " error " }));
    expect(searchFingerprint(base)).not.toBe(searchFingerprint({ ...base, q: "errors" }));
    expect(searchFingerprint(base)).not.toBe(searchFingerprint({ ...base, size: 500 }));
    expect(searchFingerprint(base)).not.toBe(searchFingerprint({ ...base, order: "asc" }));
    expect(searchFingerprint(base)).not.toBe(searchFingerprint({ ...base, indexPattern: "other-*" }));
  });

  it("keys a view by its search and the range as the URL states it", () => {
    const fingerprint = "0badf00d0badf00d";
    expect(explorerViewKey(fingerprint, { from: "now-1h", to: "now" })).toBe(explorerViewKey(fingerprint, { from: "now-1h", to: "now" }));
    expect(explorerViewKey(fingerprint, { from: "now-1h", to: "now" })).not.toBe(explorerViewKey(fingerprint, { from: "now-24h", to: "now" }));
    expect(explorerViewKey(fingerprint, { from: "now-1h", to: "now" })).not.toBe(explorerViewKey("1111111111111111", { from: "now-1h", to: "now" }));
  });
});
