import { describe, expect, it } from "vitest";
import { decodePageCursor, encodePageCursor, searchFingerprint, type PageCursor } from "./page-cursor";

const cursor: PageCursor = { pit: "o_-7QQEOcGl0cHJvYmU+/=", after: [1704067201000, 2], direction: "next", page: 3, offset: 1000, from: 1704060000000, to: 1704070000000, fingerprint: "0badf00d" };

describe("page cursors", () => {
  it("round-trips through a URL-safe token", () => {
    const token = encodePageCursor(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(token)).toEqual(cursor);
    expect(decodePageCursor(encodePageCursor({ ...cursor, pit: null, direction: "prev" }))).toEqual({ ...cursor, pit: null, direction: "prev" });
  });

  it("refuses truncated, edited, foreign and oversized tokens", () => {
    const token = encodePageCursor(cursor);
    expect(decodePageCursor(token.slice(0, -4))).toBeNull();
    expect(decodePageCursor(`${token.slice(0, 20)}${token[20] === "x" ? "y" : "x"}${token.slice(21)}`)).toBeNull();
    expect(decodePageCursor("hello")).toBeNull();
    expect(decodePageCursor("not a cursor!")).toBeNull();
    expect(decodePageCursor("")).toBeNull();
    expect(decodePageCursor("A".repeat(9_000))).toBeNull();
    // Well-formed and checksummed, but not a cursor's shape.
    const wire = JSON.stringify([1, null, [], "next", 1, 0, 1, 2, "00000000"]);
    expect(decodePageCursor(Buffer.from(`00000000${wire}`).toString("base64url"))).toBeNull();
    expect(decodePageCursor(encodePageCursor({ ...cursor, from: 5, to: 5 }))).toBeNull();
  });

  it("fingerprints the search, not the order of filter values or the time range", () => {
    const base = { indexPattern: "logs-*", q: "error", service: ["a", "b"], environment: [], level: [], status: ["5xx"], size: 100, order: "desc" };
    expect(searchFingerprint(base)).toBe(searchFingerprint({ ...base, service: ["b", "a"], q: " error " }));
    expect(searchFingerprint(base)).not.toBe(searchFingerprint({ ...base, q: "errors" }));
    expect(searchFingerprint(base)).not.toBe(searchFingerprint({ ...base, size: 500 }));
    expect(searchFingerprint(base)).not.toBe(searchFingerprint({ ...base, order: "asc" }));
  });
});
