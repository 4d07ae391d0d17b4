import { describe, expect, it } from "vitest";
import { ByteLru } from "./byte-lru";

describe("ByteLru", () => {
  it("evicts the least recently used entries once the byte budget is passed", () => {
    const lru = new ByteLru(30);
    lru.set("a", "x".repeat(8)); // 10 + 1 bytes
    lru.set("b", "y".repeat(8));
    lru.get("a");
    lru.set("c", "z".repeat(8));
    expect(lru.bytes).toBeLessThanOrEqual(30);
    expect([lru.has("a"), lru.has("b"), lru.has("c")]).toEqual([true, false, true]);
  });

  it("hands out copies, so a reader cannot change what the next reader gets", () => {
    const lru = new ByteLru(1000);
    lru.set("k", { count: 1 });
    lru.get<{ count: number }>("k")!.count = 99;
    expect(lru.get("k")).toEqual({ count: 1 });
  });

  it("does not keep a value larger than the whole budget, and forgets everything on clear", () => {
    const lru = new ByteLru(10);
    lru.set("big", "x".repeat(50));
    expect(lru.has("big")).toBe(false);
    lru.set("s", 1);
    lru.clear();
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });
});
