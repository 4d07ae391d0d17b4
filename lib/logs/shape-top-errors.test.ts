import { describe, expect, it } from "vitest";
import { errorLimitNotice, shapeTopErrors } from "./shape-top-errors";

const message = (key: string, count: number, services: string[]) => ({ key, doc_count: count, services: { buckets: services.map((s) => ({ key: s })) } });

describe("shapeTopErrors", () => {
  it("groups by type and normalised message, keeping the most frequent message as the example", () => {
    const shaped = shapeTopErrors({
      top_errors: { by_type: { sum_other_doc_count: 0, buckets: [
        { key: "CacheVersionConflict", doc_count: 3, services: { buckets: [{ key: "users" }] }, by_message: { sum_other_doc_count: 0, buckets: [
          message("refresh of user:17 lost (version 3)", 2, ["users"]),
          message("refresh of user:9 lost (version 4)", 1, ["users", "gateway"]),
        ] } },
        { key: "TypeError", doc_count: 5, services: { buckets: [{ key: "users" }] }, by_message: { sum_other_doc_count: 0, buckets: [message("Cannot read properties of null", 4, ["users"])] } },
      ] } },
    });
    expect(shaped.errors).toEqual([
      { type: "TypeError", message: "Cannot read properties of null", example: "Cannot read properties of null", count: 4, services: ["users"] },
      { type: "CacheVersionConflict", message: "refresh of user:{n} lost (version {n})", example: "refresh of user:17 lost (version 3)", count: 3, services: ["gateway", "users"] },
      { type: "TypeError", message: null, example: null, count: 1, services: ["users"] },
    ]);
    expect(shaped.ungrouped).toBe(0);
  });
  it("keeps redaction markers of messages (the store redacts keys) and reports lines beyond the limits", () => {
    const shaped = shapeTopErrors({
      top_errors: { by_type: { sum_other_doc_count: 2, buckets: [{ key: "AuthError", doc_count: 6, services: { buckets: [] }, by_message: { sum_other_doc_count: 5, buckets: [message("bad token: [REDACTED secret-text]", 1, ["auth"])] } }] } },
    });
    expect(shaped.errors[1]).toMatchObject({ message: "bad token: [REDACTED secret-text]", example: "bad token: [REDACTED secret-text]" });
    expect(shaped.ungrouped).toBe(7);
    expect(errorLimitNotice(7)).toMatch(/7 error lines/);
    expect(errorLimitNotice(0)).toBeNull();
  });
});
