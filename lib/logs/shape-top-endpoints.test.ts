import { describe, expect, it } from "vitest";
import { applyEndpointRecount, endpointLimitNotice, shapeTopEndpoints } from "./shape-top-endpoints";

type Row = [method: string, value: string, requests: number, errors: number];
interface Kind {
  rows: Row[];
  services?: Record<string, string>;
  /** Lines left out per method (path level), and whole methods left out. */
  otherPaths?: number;
  otherMethods?: number;
}

/** The answers of the two endpoint searches, built from (method, route or path, requests, 5xx) rows. */
function answers(unrouted: Kind, routed: Kind = { rows: [] }) {
  const byMethod = ({ rows, otherPaths = 0, otherMethods = 0 }: Kind) => ({
    by_method: {
      sum_other_doc_count: otherMethods,
      buckets: [...new Set(rows.map(([method]) => method))].map((method) => ({
        key: method,
        doc_count: 0,
        by_path: { sum_other_doc_count: otherPaths, buckets: rows.filter(([m]) => m === method).map(([, key, doc_count, errors]) => ({ key, doc_count, server_errors: { doc_count: errors } })) },
      })),
    },
  });
  const failing = ({ services = {} }: Kind) => ({ failing: { buckets: Object.entries(services).map(([path, service]) => ({ key: { path, service }, doc_count: 1 })) } });
  return [{ routed: byMethod(routed), unrouted: byMethod(unrouted) }, { routed: failing(routed), unrouted: failing(unrouted) }] as const;
}

describe("shapeTopEndpoints", () => {
  it("sums raw paths by method and route template, keeps failing ones, most 5xx first", () => {
    const [endpoints, services] = answers({
      rows: [["GET", "/api/users/1", 4, 3], ["PATCH", "/api/users/1", 2, 0], ["GET", "/api/users/2", 6, 1], ["POST", "/api/orders/checkout", 10, 4], ["POST", "/api/auth/login", 5, 0]],
      services: { "/api/users/1": "gateway", "/api/users/2": "gateway", "/api/orders/checkout": "gateway" },
    });
    const shaped = shapeTopEndpoints(endpoints, services);
    expect(shaped).toMatchObject({ uncounted: 0, rankingCut: false, recount: [] });
    expect(shaped.endpoints).toEqual([
      { method: "GET", path: "/api/users/{id}", services: ["gateway"], requests: 10, serverErrors: 4, errorRate: 0.4 },
      { method: "POST", path: "/api/orders/checkout", services: ["gateway"], requests: 10, serverErrors: 4, errorRate: 0.4 },
    ]);
  });

  it("adds lines grouped by their route template to lines grouped by path", () => {
    const [endpoints, services] = answers(
      { rows: [["GET", "/api/users/7", 2, 1]], services: { "/api/users/7": "users" } },
      { rows: [["GET", "/api/users/{id}", 30, 3], ["GET", "/api/orders/:id", 8, 2]], services: { "/api/users/{id}": "gateway", "/api/orders/:id": "orders" } },
    );
    expect(shapeTopEndpoints(endpoints, services).endpoints).toEqual([
      { method: "GET", path: "/api/users/{id}", services: ["gateway", "users"], requests: 32, serverErrors: 4, errorRate: 0.125 },
      { method: "GET", path: "/api/orders/:id", services: ["orders"], requests: 8, serverErrors: 2, errorRate: 0.25 },
    ]);
  });

  it("breaks ties by requests, then by the endpoint's name, and honours the limit", () => {
    const [endpoints, services] = answers({ rows: [["GET", "/b", 5, 1], ["GET", "/a", 5, 1], ["GET", "/c", 9, 1]], services: { "/a": "s", "/b": "s", "/c": "s" } });
    expect(shapeTopEndpoints(endpoints, services, { limit: 2 }).endpoints.map((e) => e.path)).toEqual(["/c", "/a"]);
  });

  it("templates paths as the store redacted them, and keeps the first count of one that held a secret (it cannot be matched again)", () => {
    const [endpoints, services] = answers({ rows: [["POST", "/reset/[REDACTED jwt]", 2, 2]], services: { "/reset/[REDACTED jwt]": "auth" }, otherPaths: 10 });
    const shaped = shapeTopEndpoints(endpoints, services);
    expect(shaped.endpoints[0]).toMatchObject({ path: "/reset/[REDACTED jwt]", services: ["auth"] });
    expect(shaped.recount).toMatchObject([{ method: "POST", path: "/reset/[REDACTED jwt]", templates: ["/reset/[REDACTED jwt]"] }]);
    const nothingMatched = { endpoints: { buckets: { "0": { doc_count: 0, server_errors: { doc_count: 0, services: { buckets: [] } } } } } };
    expect(applyEndpointRecount(shaped.recount, nothingMatched)).toMatchObject([{ path: "/reset/[REDACTED jwt]", requests: 2, serverErrors: 2, services: ["auth"] }]);
  });

  it("recounts the listed endpoints when only paths without 5xx were cut, without a notice: the ranking stands", () => {
    const [endpoints, services] = answers({ rows: [["GET", "/api/items/1", 3, 2], ["GET", "/api/items/2", 1, 0]], otherPaths: 500 });
    const shaped = shapeTopEndpoints(endpoints, services);
    expect(shaped).toMatchObject({ uncounted: 500, rankingCut: false });
    expect(shaped.recount).toMatchObject([{ method: "GET", path: "/api/items/{id}", templates: ["/api/items/{id}"] }]);
    expect(endpointLimitNotice(shaped)).toBeNull();
  });

  it("says the list may miss endpoints when failing paths or whole methods were cut", () => {
    const failingCut = shapeTopEndpoints(...answers({ rows: [["GET", "/x/1", 1, 1]], otherPaths: 7 }));
    expect(failingCut.rankingCut).toBe(true);
    expect(endpointLimitNotice(failingCut)).toMatch(/5,000 raw paths .* 7 request lines beyond that, some of them possibly 5xx, were not ranked, .* may be missing .* listed are exact/);
    expect(shapeTopEndpoints(...answers({ rows: [["GET", "/x/1", 1, 0]], otherMethods: 3 })).rankingCut).toBe(true);
  });

  it("recounts the endpoints tied with the last listed one too", () => {
    const rows: Row[] = [["GET", "/a", 9, 3], ["GET", "/b", 9, 2], ["GET", "/c", 1, 2], ["GET", "/d", 1, 1]];
    const shaped = shapeTopEndpoints(...answers({ rows, otherPaths: 100 }), { limit: 2 });
    expect(shaped.endpoints.map((e) => e.path)).toEqual(["/a", "/b"]);
    expect(shaped.recount.map((e) => e.path)).toEqual(["/a", "/b", "/c"]);
  });

  it("is empty without aggregations", () => {
    expect(shapeTopEndpoints(undefined, undefined)).toEqual({ endpoints: [], uncounted: 0, rankingCut: false, recount: [] });
  });
});

describe("applyEndpointRecount", () => {
  it("takes the exact numbers and services, ranks again and cuts to the list", () => {
    const shaped = shapeTopEndpoints(...answers({ rows: [["GET", "/a", 9, 3], ["GET", "/b", 9, 2], ["GET", "/c", 1, 2]], otherPaths: 100 }), { limit: 2 });
    const recount = { endpoints: { buckets: { "0": { doc_count: 40, server_errors: { doc_count: 3, services: { buckets: [{ key: "gateway" }] } } }, "1": { doc_count: 12, server_errors: { doc_count: 2, services: { buckets: [{ key: "users" }] } } }, "2": { doc_count: 30, server_errors: { doc_count: 2, services: { buckets: [{ key: "orders" }, { key: "carts" }] } } } } } };
    expect(applyEndpointRecount(shaped.recount, recount, { limit: 2 })).toEqual([
      { method: "GET", path: "/a", services: ["gateway"], requests: 40, serverErrors: 3, errorRate: 3 / 40 },
      { method: "GET", path: "/c", services: ["carts", "orders"], requests: 30, serverErrors: 2, errorRate: 2 / 30 },
    ]);
  });
});
