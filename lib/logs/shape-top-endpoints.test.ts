import { describe, expect, it } from "vitest";
import { endpointLimitNotice, shapeTopEndpoints } from "./shape-top-endpoints";

type Row = [method: string, path: string, requests: number, errors: number];

/** The two answers of the endpoint searches, built from (method, path, requests, 5xx) rows. */
function answers(rows: Row[], services: Record<string, string>, otherPaths = 0) {
  const methods = [...new Set(rows.map(([method]) => method))];
  return [
    {
      by_method: {
        sum_other_doc_count: 0,
        buckets: methods.map((method) => ({
          key: method,
          doc_count: 0,
          by_path: { sum_other_doc_count: otherPaths, buckets: rows.filter(([m]) => m === method).map(([, key, doc_count, errors]) => ({ key, doc_count, server_errors: { doc_count: errors } })) },
        })),
      },
    },
    { failing: { buckets: Object.entries(services).map(([path, service]) => ({ key: { path, service }, doc_count: 1 })) } },
  ] as const;
}

describe("shapeTopEndpoints", () => {
  it("sums raw paths by method and route template, keeps failing ones, most 5xx first", () => {
    const [endpoints, services] = answers(
      [["GET", "/api/users/1", 4, 3], ["PATCH", "/api/users/1", 2, 0], ["GET", "/api/users/2", 6, 1], ["POST", "/api/orders/checkout", 10, 4], ["POST", "/api/auth/login", 5, 0]],
      { "/api/users/1": "gateway", "/api/users/2": "gateway", "/api/orders/checkout": "gateway" },
    );
    const shaped = shapeTopEndpoints(endpoints, services);
    expect(shaped.uncounted).toBe(0);
    expect(shaped.endpoints).toEqual([
      { method: "GET", path: "/api/users/{id}", services: ["gateway"], requests: 10, serverErrors: 4, errorRate: 0.4 },
      { method: "POST", path: "/api/orders/checkout", services: ["gateway"], requests: 10, serverErrors: 4, errorRate: 0.4 },
    ]);
  });
  it("breaks ties by requests, then by the endpoint's name, and honours the limit", () => {
    const [endpoints, services] = answers([["GET", "/b", 5, 1], ["GET", "/a", 5, 1], ["GET", "/c", 9, 1]], { "/a": "s", "/b": "s", "/c": "s" });
    expect(shapeTopEndpoints(endpoints, services, { limit: 2 }).endpoints.map((e) => e.path)).toEqual(["/c", "/a"]);
  });
  it("redacts paths before grouping and counts what the limits left out", () => {
    const [endpoints, services] = answers([["POST", "/reset/SECRET", 2, 2]], { "/reset/SECRET": "auth" }, 10);
    const shaped = shapeTopEndpoints(endpoints, services, { redact: (text) => text.replace("SECRET", "[REDACTED token]") });
    expect(shaped.endpoints[0]).toMatchObject({ path: "/reset/[REDACTED token]", services: ["auth"] });
    expect(shaped.uncounted).toBe(10);
    expect(endpointLimitNotice(10)).toMatch(/10 request lines on other paths/);
    expect(endpointLimitNotice(0)).toBeNull();
  });
  it("is empty without aggregations", () => {
    expect(shapeTopEndpoints(undefined, undefined)).toEqual({ endpoints: [], uncounted: 0 });
  });
});
