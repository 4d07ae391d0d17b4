import { describe, expect, it } from "vitest";
import { readField } from "./read-field";

describe("readField", () => {
  it("reads nested, flat and mixed documents", () => {
    expect(readField({ http: { request: { id: "a" } } }, "http.request.id")).toBe("a");
    expect(readField({ "http.request.id": "b" }, "http.request.id")).toBe("b");
    expect(readField({ http: { "request.id": "c" } }, "http.request.id")).toBe("c");
    expect(readField({ "http.request": { id: "d" } }, "http.request.id")).toBe("d");
  });
  it("returns undefined for missing paths and non-objects", () => {
    expect(readField({ http: {} }, "http.request.id")).toBeUndefined();
    expect(readField(null, "a")).toBeUndefined();
    expect(readField({ a: 1 }, "a.b")).toBeUndefined();
  });
});
