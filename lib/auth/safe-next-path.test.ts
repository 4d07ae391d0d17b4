import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

const APP = "https://triage.example.com";

describe("safeNextPath", () => {
  it.each([
    ["/logs?q=a", "/logs?q=a"],
    ["/logs?q=level%3Aerror%20AND%20x&from=now-15m#row-3", "/logs?q=level%3Aerror%20AND%20x&from=now-15m#row-3"],
    ["/requests/abc-123?tab=timeline", "/requests/abc-123?tab=timeline"],
    ["/requests/a%2Fb", "/requests/a%2Fb"],
    ["/settings#mapping", "/settings#mapping"],
    ["https://triage.example.com/alerts?state=firing#top", "/alerts?state=firing#top"],
    ["/", "/"],
  ])("keeps the same-site destination %j as %j", (input, expected) => {
    expect(safeNextPath(input, APP)).toBe(expected);
  });

  it.each([
    // Browsers drop tabs, newlines and CR anywhere in a URL: "/\t/x" is "//x".
    "/\t/example.org",
    "/\n/example.org",
    "/\r/example.org",
    "/\r\n/example.org",
    "\t//example.org",
    "/\t\\example.org",
    // Backslashes are slashes in http(s) URLs.
    "/\\example.org",
    "\\/example.org",
    "\\\\example.org",
    "/\\/example.org",
    // Percent-encoded forms that decode into the above on a later hop.
    "/%2F%2Fexample.org",
    "/%2f/example.org",
    "/%09/example.org",
    "/%0A/example.org",
    "/%0D/example.org",
    "/%5Cexample.org",
    "/%5C%5Cexample.org",
    "/%252F%252Fexample.org",
    "/%2509/example.org",
    // Paths that normalise to "//host".
    "/.//example.org",
    "/%2e%2e//example.org",
    "//example.org",
    "///example.org",
    "//triage.example.com@example.org",
    // Other schemes, hosts, ports and a scheme downgrade.
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.domain)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://example.org/",
    "https://example.org/logs?q=a",
    "https://triage.example.com.example.org/",
    "https://triage.example.com@example.org/",
    "https://triage.example.com:8443/",
    "http://triage.example.com/logs",
    "http:example.org",
    "ftp://triage.example.com/",
    // Back to the login page would loop.
    "/login",
    "/login?next=/logs",
  ])("sends %j to the overview", (input) => {
    expect(safeNextPath(input, APP)).toBe("/");
  });

  it("sends nothing, an empty value and a malformed escape to the overview", () => {
    expect(safeNextPath(undefined, APP)).toBe("/");
    expect(safeNextPath(null, APP)).toBe("/");
    expect(safeNextPath("", APP)).toBe("/");
    expect(safeNextPath("/logs%E0%A4%A", APP)).toBe("/");
  });

  it("never returns something a browser would read as another origin", () => {
    const hostile = ["/\t/evil.example", "/%2F%2Fevil.example", "\\\\evil.example", "/.//evil.example", "https://evil.example"];
    for (const input of hostile) {
      expect(new URL(safeNextPath(input, APP), APP).origin).toBe(APP);
    }
  });

  it("judges against the origin it is given", () => {
    expect(safeNextPath("http://127.0.0.1:3100/logs", "http://127.0.0.1:3100")).toBe("/logs");
    expect(safeNextPath("http://127.0.0.1:3100/logs", "http://127.0.0.1:3000")).toBe("/");
  });
});
