import { describe, expect, it } from "vitest";
import { toRouteTemplate as demoTemplate } from "@/lib/demo/services";
import { routeTemplatePattern, toRouteTemplate } from "./route-template";

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

describe("routeTemplatePattern", () => {
  // The engines' regexp syntax and JavaScript's agree on every construct the pattern uses.
  const matches = (template: string, path: string) => new RegExp(`^(?:${routeTemplatePattern(template)})$`).test(path);

  it("matches exactly the paths that toRouteTemplate maps to the template", () => {
    const paths = [
      "/api/users/4821", "/api/users/0", "/api/users/{id}", "/api/users/3f2a9c1e-0b7d-4c5e-9A21-6f0e8d7c5b4a", "/api/users/9F86D081884C7D65",
      "/api/users/deadbeefdeadbeef", "/api/users/abcdefabcdefabc1", "/api/users/1abcdefabcdefabc", "/api/users/ada", "/api/users/", "/api/users/4821/",
      "/api/users/4821/orders", "/api/users", "/api/user/4821", "/api/users/48a1", "/API/users/4821", "/api/users/4821x",
      "/a.b/c+d/(e)/[f]/@g&h~i<j>#k\"l\\m/7", "/a-b/c_d/%20/7", "/", "",
    ];
    const templates = [...new Set(paths.map(toRouteTemplate))];
    for (const template of templates) {
      for (const path of paths) expect(matches(template, path), `${template} vs ${path}`).toBe(toRouteTemplate(path) === template);
    }
  });
});
