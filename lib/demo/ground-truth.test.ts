import { describe, expect, it } from "vitest";
import { generateDemoLogs } from "./generate-demo-logs";
import { timelineFacts } from "./ground-truth";
import { toRouteTemplate } from "./services";
import { groupByRequest, ms } from "./test-helpers";

const { documents, groundTruth } = generateDemoLogs({ seed: 21, anchor: "2025-06-01T12:00:30.000Z", targetLines: 8000 });

describe("demo ground truth", () => {
  it("matches a recount of the documents per service per minute, with DESIGN.md's definitions", () => {
    const recount = new Map<string, { requestLines: number; status5xx: number; status4xx: number; errorLines: number }>();
    for (const doc of documents) {
      const minute = new Date(Math.floor(ms(doc) / 60_000) * 60_000).toISOString();
      const key = `${doc.service.name} ${minute}`;
      const c = recount.get(key) ?? { requestLines: 0, status5xx: 0, status4xx: 0, errorLines: 0 };
      const status = doc.http.response?.status_code;
      if (status !== undefined) c.requestLines += 1;
      if (status !== undefined && status >= 500) c.status5xx += 1;
      if (status !== undefined && status >= 400 && status < 500) c.status4xx += 1;
      if (["ERROR", "FATAL"].includes(doc.log.level.toUpperCase())) c.errorLines += 1;
      recount.set(key, c);
    }
    const reported = groundTruth.perServicePerMinute.filter((r) => r.requestLines + r.errorLines > 0);
    expect(Object.fromEntries(reported.map((r) => [`${r.service} ${r.minute}`, { requestLines: r.requestLines, status5xx: r.status5xx, status4xx: r.status4xx, errorLines: r.errorLines }]))).toEqual(
      Object.fromEntries([...recount].filter(([, c]) => c.requestLines + c.errorLines > 0)),
    );
    // Every service has a row for every minute of the window, zero or not.
    expect(groundTruth.perServicePerMinute).toHaveLength(5 * 61);
    expect(groundTruth.totals.requests).toBe(groupByRequest(documents).size);
  });

  it("ranks failing endpoints by their 5xx count, grouped by route", () => {
    const top = groundTruth.topFailingEndpoints[0]!;
    const lines = documents.filter((d) => d.service.name === top.service && d.http.request.method === top.method && d.http.response && toRouteTemplate(d.url?.path ?? "") === top.path);
    expect(lines).toHaveLength(top.requests);
    expect(lines.filter((d) => d.http.response!.status_code >= 500)).toHaveLength(top.status5xx);
    const counts = groundTruth.topFailingEndpoints.map((e) => e.status5xx);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("keeps each incident's request ids with timeline facts computed from their documents", () => {
    const byRequest = groupByRequest(documents);
    for (const incident of groundTruth.incidents) {
      expect(incident.requestCount).toBeGreaterThan(0);
      expect(incident.requestIds).toHaveLength(Math.min(incident.requestCount, 50));
      expect(incident.timelines.map((t) => t.requestId)).toEqual(incident.requestIds);
      for (const facts of incident.timelines) expect(facts).toEqual(timelineFacts(byRequest.get(facts.requestId)!));
    }
  });

  it("samples a capped, seeded set of request ids for big incidents", () => {
    const run = generateDemoLogs({ seed: 21, anchor: "2025-06-01T12:00:30.000Z", targetLines: 8000, sampleLimit: 5 });
    const slow = run.groundTruth.incidents.find((i) => i.id === "orders-slow-query")!;
    expect(slow.requestCount).toBe(groundTruth.incidents.find((i) => i.id === "orders-slow-query")!.requestCount);
    expect(slow.sampled).toBe(true);
    expect(slow.requestIds).toHaveLength(5);
    expect(JSON.stringify(run.documents)).toBe(JSON.stringify(documents));
  });
});
