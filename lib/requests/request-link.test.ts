import { describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { requestDrilldownQuerySchema } from "@/lib/schemas/request-drilldown";
import { decodePathSegment, normalizeAround, requestDrilldownHref, requestLinkHints } from "./request-link";

const query = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("requestDrilldownHref", () => {
  it("encodes the id as one path segment and carries around, window and hints the API accepts", () => {
    const href = requestDrilldownHref("a/b c?d", { around: "2025-06-01T12:00:00.123456Z", window: "24h", hints: { user: "42", method: "POST", path: "/api/checkout" } });
    expect(href.startsWith("/requests/a%2Fb%20c%3Fd?")).toBe(true);
    const params = query(href);
    expect(params).toEqual({ around: "2025-06-01T12:00:00.123Z", window: "24h", user: "42", method: "POST", path: "/api/checkout" });
    expect(requestDrilldownQuerySchema.safeParse(params).success).toBe(true);
  });

  it("leaves out what would turn the link into a 400", () => {
    expect(requestDrilldownHref("r", { around: "soon", hints: { user: "u".repeat(300), method: "GET /x", path: "/x" } })).toBe("/requests/r");
    expect(requestDrilldownHref("r", { hints: { method: "GET", path: null } })).toBe("/requests/r");
    expect(requestDrilldownHref("r")).toBe("/requests/r");
  });
});

describe("normalizeAround", () => {
  it("turns ISO strings and epoch milliseconds into ISO, and drops the rest", () => {
    expect(normalizeAround("2025-06-01T14:00:00+02:00")).toBe("2025-06-01T12:00:00.000Z");
    expect(normalizeAround("1748779200000")).toBe("2025-06-01T12:00:00.000Z");
    expect(normalizeAround(1748779200000)).toBe("2025-06-01T12:00:00.000Z");
    expect(normalizeAround("")).toBeNull();
    expect(normalizeAround(null)).toBeNull();
    expect(normalizeAround("yesterday")).toBeNull();
  });
});

describe("requestLinkHints", () => {
  it("takes the user from any line and the endpoint only from a request line", () => {
    const request = { user: { id: "7" }, http: { request: { method: "GET" }, response: { status_code: 200 } }, url: { path: "/api/users/7" } };
    expect(requestLinkHints(request, ECS_FIELD_MAPPING)).toEqual({ user: "7", method: "GET", path: "/api/users/7" });
    const debug = { user: { id: "7" }, http: { request: { method: "GET" } }, url: { path: "/provider" } };
    expect(requestLinkHints(debug, ECS_FIELD_MAPPING)).toEqual({ user: "7", method: null, path: null });
  });
});

describe("decodePathSegment", () => {
  it("decodes a segment once and keeps a malformed one", () => {
    expect(decodePathSegment("req-1%07bell")).toBe("req-1\u0007bell");
    expect(decodePathSegment("tenant%2Freq-%2541")).toBe("tenant/req-%41");
    expect(decodePathSegment("100%")).toBe("100%");
    expect(decodePathSegment(requestDrilldownHref("a b/c").slice("/requests/".length))).toBe("a b/c");
  });
});
