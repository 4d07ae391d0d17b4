import { describe, expect, it } from "vitest";
import { endpointLimitNotice, shapeTopEndpoints } from "./shape-top-endpoints";

const path = (key: string, service: string, methods: Array<[string, number, number]>, otherMethods = 0) => ({
  key,
  doc_count: methods.reduce((sum, [, requests]) => sum + requests, 0) + otherMethods,
  server_errors: { doc_count: methods.reduce((sum, [, , errors]) => sum + errors, 0) },
  by_method: { sum_other_doc_count: otherMethods, buckets: methods.map(([method, requests, errors]) => ({ key: method, doc_count: requests, server_errors: { doc_count: errors } })) },
  by_service: { buckets: [{ key: service }] },
});

describe("shapeTopEndpoints", () => {
  it("sums raw paths by method and route template, keeps failing ones, most 5xx first", () => {
    const shaped = shapeTopEndpoints({
      by_path: { sum_other_doc_count: 0, buckets: [
        path("/api/users/1", "gateway", [["GET", 4, 3], ["PATCH", 2, 0]]),
        path("/api/users/2", "gateway", [["GET", 6, 1]]),
        path("/api/orders/checkout", "gateway", [["POST", 10, 4]]),
        path("/api/auth/login", "gateway", [["POST", 5, 0]]),
      ] },
    });
    expect(shaped.uncounted).toBe(0);
    expect(shaped.endpoints).toEqual([
      { method: "GET", path: "/api/users/{id}", services: ["gateway"], requests: 10, serverErrors: 4, errorRate: 0.4 },
      { method: "POST", path: "/api/orders/checkout", services: ["gateway"], requests: 10, serverErrors: 4, errorRate: 0.4 },
    ]);
  });
  it("breaks ties by requests, then by the endpoint's name, and honours the limit", () => {
    const shaped = shapeTopEndpoints({ by_path: { buckets: [path("/b", "s", [["GET", 5, 1]]), path("/a", "s", [["GET", 5, 1]]), path("/c", "s", [["GET", 9, 1]])] } }, { limit: 2 });
    expect(shaped.endpoints.map((e) => e.path)).toEqual(["/c", "/a"]);
  });
  it("redacts paths before grouping and counts what the limits left out", () => {
    const shaped = shapeTopEndpoints({ by_path: { sum_other_doc_count: 7, buckets: [path("/reset/SECRET", "auth", [["POST", 2, 2]], 3)] } }, { redact: (text) => text.replace("SECRET", "[REDACTED token]") });
    expect(shaped.endpoints[0]!.path).toBe("/reset/[REDACTED token]");
    expect(shaped.uncounted).toBe(10);
    expect(endpointLimitNotice(10)).toMatch(/10 request lines on other paths/);
    expect(endpointLimitNotice(0)).toBeNull();
  });
  it("is empty without aggregations", () => {
    expect(shapeTopEndpoints(undefined)).toEqual({ endpoints: [], uncounted: 0 });
  });
});
