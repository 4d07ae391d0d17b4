import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "./hmac-token";

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);

describe("signToken / verifyToken", () => {
  it("round-trips a payload with the same key and purpose", () => {
    const token = signToken('[2,"x",{"a":1}]', key, "page-cursor");
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verifyToken(token, key, "page-cursor")).toBe('[2,"x",{"a":1}]');
  });

  it("refuses another key, another purpose, and every single-character edit", () => {
    const token = signToken("payload", key, "page-cursor");
    expect(verifyToken(token, otherKey, "page-cursor")).toBeNull();
    expect(verifyToken(token, key, "share-link")).toBeNull();
    // The last character may carry padding bits only; every other position changes a byte.
    for (let i = 0; i < token.length - 1; i++) {
      const edited = `${token.slice(0, i)}${token[i] === "A" ? "B" : "A"}${token.slice(i + 1)}`;
      expect(verifyToken(edited, key, "page-cursor"), `edit at ${i}`).not.toBe("payload");
    }
  });

  it("refuses truncated, empty, non-base64url and checksum-only tokens", () => {
    const token = signToken("payload", key, "page-cursor");
    expect(verifyToken(token.slice(0, -2), key, "page-cursor")).toBeNull();
    expect(verifyToken(token.slice(0, 43), key, "page-cursor")).toBeNull();
    expect(verifyToken("", key, "page-cursor")).toBeNull();
    expect(verifyToken(`${token}.x`, key, "page-cursor")).toBeNull();
    // What anyone could compute without the key: a hash of the payload in the MAC's place.
    const unkeyed = Buffer.concat([createHash("sha256").update("payload").digest(), Buffer.from("payload")]).toString("base64url");
    expect(verifyToken(unkeyed, key, "page-cursor")).toBeNull();
  });
});
