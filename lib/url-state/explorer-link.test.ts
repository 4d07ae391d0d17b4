import { describe, expect, it } from "vitest";
import { explorerHref } from "./explorer-link";

describe("explorerHref", () => {
  it("links a bucket, service and status class to the explorer", () => {
    const href = explorerHref({ from: "2026-11-25T09:40:00.000Z", to: "2026-11-25T09:41:00.000Z", service: ["users"], status: ["5xx"] });
    expect(href).toBe("/logs?from=2026-11-25T09:40:00.000Z&to=2026-11-25T09:41:00.000Z&service=users&status=5xx");
    const url = new URL(href, "http://x");
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: "2026-11-25T09:40:00.000Z", to: "2026-11-25T09:41:00.000Z", service: "users", status: "5xx" });
  });
  it("carries the environment filter and leaves empty filters out", () => {
    expect(explorerHref({ from: "a", to: "b", service: [], environment: ["staging"] })).toBe("/logs?from=a&to=b&environment=staging");
  });
  it("names the source that holds the service's lines", () => {
    expect(explorerHref({ from: "a", to: "b", service: ["gateway"], source: "gateway" })).toBe("/logs?from=a&to=b&service=gateway&source=gateway");
  });
});
