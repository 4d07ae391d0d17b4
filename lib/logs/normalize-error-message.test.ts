import { describe, expect, it } from "vitest";
import { normalizeErrorMessage } from "./normalize-error-message";

describe("normalizeErrorMessage", () => {
  it("groups messages that differ only by ids and numbers", () => {
    const a = normalizeErrorMessage("concurrent refresh of user:8045 lost the race (expected version 33, found 34)");
    const b = normalizeErrorMessage("concurrent refresh of user:12 lost the race (expected version 9, found 10)");
    expect(a).toBe("concurrent refresh of user:{n} lost the race (expected version {n}, found {n})");
    expect(b).toBe(a);
  });
  it("keeps words that contain digits", () => {
    expect(normalizeErrorMessage("provider did not answer within 2000ms")).toBe("provider did not answer within 2000ms");
    expect(normalizeErrorMessage("GET /api/v2/users failed")).toBe("GET /api/v2/users failed");
  });
  it("replaces UUIDs, long hex ids and decimals", () => {
    expect(normalizeErrorMessage("lock 3f2a9c1e-0b7d-4c5e-9a21-6f0e8d7c5b4a held for 1.25 s by 9f86d081884c7d659a2f")).toBe("lock {id} held for {n} s by {id}");
  });
  it("leaves messages without numbers alone", () => {
    expect(normalizeErrorMessage("Cannot read properties of null (reading 'email')")).toBe("Cannot read properties of null (reading 'email')");
  });
});
