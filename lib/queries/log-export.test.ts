import { describe, expect, it } from "vitest";
import { logExportParamsSchema } from "@/lib/schemas/log-export";
import { buildLogExportHref } from "./log-export";

describe("buildLogExportHref", () => {
  it("carries the view's filters in the export's own parameter names", () => {
    const href = buildLogExportHref("csv", { from: "now-1h", to: "now", q: 'message:"timed out" AND status:504', service: ["orders", "payments"], status: ["5xx"], order: "asc", columns: ["url.path"] });
    const url = new URL(href, "http://triage.test");
    expect(url.pathname).toBe("/api/logs/export");
    expect(url.searchParams.getAll("service")).toEqual(["orders", "payments"]);
    expect(url.searchParams.get("q")).toBe('message:"timed out" AND status:504');
    // What the link carries is exactly what the route's strict schema accepts.
    const parsed = logExportParamsSchema.parse({ ...Object.fromEntries(url.searchParams), service: url.searchParams.getAll("service"), status: ["5xx"], columns: ["url.path"] });
    expect(parsed).toMatchObject({ format: "csv", from: "now-1h", to: "now", order: "asc", service: ["orders", "payments"], columns: ["url.path"] });
  });

  it("leaves defaults out", () => {
    expect(buildLogExportHref("ndjson", { from: "now-15m", to: "now", q: "  ", service: [], order: "desc" })).toBe("/api/logs/export?format=ndjson&from=now-15m&to=now");
  });
});
