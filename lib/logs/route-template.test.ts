import { describe, expect, it } from "vitest";
import { toRouteTemplate as demoTemplate } from "@/lib/demo/services";
import { toRouteTemplate } from "./route-template";

describe("toRouteTemplate", () => {
  it("replaces numeric, UUID and long hex segments", () => {
    expect(toRouteTemplate("/api/users/4821")).toBe("/api/users/{id}");
    expect(toRouteTemplate("/api/orders/123456/items/7")).toBe("/api/orders/{id}/items/{id}");
    expect(toRouteTemplate("/api/tokens/3f2a9c1e-0b7d-4c5e-9a21-6f0e8d7c5b4a")).toBe("/api/tokens/{id}");
    expect(toRouteTemplate("/blobs/9f86d081884c7d659a2feaa0c55ad015")).toBe("/blobs/{id}");
  });
  it("keeps words, versions and short hex-looking words", () => {
    expect(toRouteTemplate("/api/v2/orders/checkout")).toBe("/api/v2/orders/checkout");
    expect(toRouteTemplate("/api/feed/deadbeef")).toBe("/api/feed/deadbeef");
    expect(toRouteTemplate("/")).toBe("/");
  });
  it("agrees with the demo generator's templates on its paths", () => {
    for (const path of ["/api/users/1000", "/users/9999", "/api/orders", "/orders/100000", "/api/auth/login", "/payments/charge"]) {
      expect(toRouteTemplate(path)).toBe(demoTemplate(path));
    }
  });

  it("leaves the query and fragment out of a request URL", () => {
    expect(toRouteTemplate("/api/orders/42?api_key=tk_live_x&page=2")).toBe("/api/orders/{id}");
    expect(toRouteTemplate("/search#top")).toBe("/search");
  });
});
