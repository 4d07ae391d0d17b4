import { describe, expect, it } from "vitest";
import { createDemoLogRun, generateDemoLogs } from "./generate-demo-logs";
import { groupByRequest, ms, requestLines } from "./test-helpers";

const ANCHOR = "2025-06-01T12:00:30.000Z";
const ANCHOR_MS = Date.parse(ANCHOR);

describe("generateDemoLogs", () => {
  it("is deterministic: the same seed, anchor and size give byte-identical documents", () => {
    const a = generateDemoLogs({ seed: 7, anchor: ANCHOR, targetLines: 3000 });
    const b = generateDemoLogs({ seed: 7, anchor: ANCHOR, targetLines: 3000 });
    expect(JSON.stringify(a.documents)).toBe(JSON.stringify(b.documents));
    expect(JSON.stringify(a.groundTruth)).toBe(JSON.stringify(b.groundTruth));
    const other = generateDemoLogs({ seed: 8, anchor: ANCHOR, targetLines: 3000 });
    expect(JSON.stringify(other.documents)).not.toBe(JSON.stringify(a.documents));
  });

  it("yields the same documents whatever the batch size, in batches no larger than asked", () => {
    const run = createDemoLogRun({ seed: 3, anchor: ANCHOR, targetLines: 4000, batchSize: 777 });
    const batches = [...run.batches()];
    expect(batches.every((b) => b.length <= 777)).toBe(true);
    expect(JSON.stringify(batches.flat())).toBe(JSON.stringify(generateDemoLogs({ seed: 3, anchor: ANCHOR, targetLines: 4000 }).documents));
  });

  it("refuses the ground truth before the batches are consumed", () => {
    const run = createDemoLogRun({ seed: 1, anchor: ANCHOR, targetLines: 500 });
    expect(() => run.groundTruth()).toThrow(/after all batches/);
  });

  it("lands near the target line count, inside the window ending at the anchor", () => {
    for (const [targetLines, windowMinutes] of [[2000, 60], [20_000, 60], [5000, 15]] as const) {
      const { documents, groundTruth } = generateDemoLogs({ seed: 11, anchor: ANCHOR, targetLines, windowMinutes });
      expect(documents.length).toBeGreaterThan(targetLines * 0.9);
      expect(documents.length).toBeLessThan(targetLines * 1.1);
      expect(groundTruth.totals.lines).toBe(documents.length);
      const times = documents.map(ms);
      expect(Math.min(...times)).toBeGreaterThanOrEqual(ANCHOR_MS - windowMinutes * 60_000);
      expect(Math.max(...times)).toBeLessThan(ANCHOR_MS);
    }
  });

  it("writes ECS documents whose hops share the request and trace ids and chain their spans", () => {
    const { documents } = generateDemoLogs({ seed: 5, anchor: ANCHOR, targetLines: 5000 });
    for (const [requestId, docs] of groupByRequest(documents)) {
      expect(requestId).toMatch(/^req-[0-9a-f]{16}$/);
      expect(new Set(docs.map((d) => d.trace.id)).size).toBe(1);
      const hops = requestLines(docs);
      const bySpan = new Map(hops.map((d) => [d.span.id, d]));
      const roots = hops.filter((d) => !d.parent);
      expect(roots).toHaveLength(1);
      expect(roots[0]?.service.name).toBe("gateway");
      for (const hop of hops) {
        expect(hop.http.request.method).toBeDefined();
        expect(hop.url?.path).toMatch(/^\//);
        expect(hop.event?.duration).toBeGreaterThan(0);
        if (!hop.parent) continue;
        // A child span lies inside its caller's span (timestamps are the spans' ends, in ms).
        const parent = bySpan.get(hop.parent.id);
        expect(parent).toBeDefined();
        const [start, end] = [ms(hop) - (hop.event?.duration ?? 0) / 1e6, ms(hop)];
        const [parentStart, parentEnd] = [ms(parent!) - (parent!.event?.duration ?? 0) / 1e6, ms(parent!)];
        expect(start).toBeGreaterThanOrEqual(parentStart - 1);
        expect(end).toBeLessThanOrEqual(parentEnd);
      }
    }
  });

  it("carries realistic secrets on some lines so redaction can be tested", () => {
    const { documents } = generateDemoLogs({ seed: 42, anchor: ANCHOR, targetLines: 20_000 });
    const bearer = documents.filter((d) => d.http.request.headers?.authorization);
    expect(bearer.length).toBeGreaterThan(0);
    expect(bearer.every((d) => /^Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(d.http.request.headers!.authorization))).toBe(true);
    expect(documents.some((d) => /api_key=tk_live_\w{32}/.test(d.url?.query ?? ""))).toBe(true);
    expect(documents.some((d) => /api_key=/.test(d.url?.full ?? "") && d.service.name === "payments")).toBe(true);
    expect(documents.some((d) => d.service.name === "payments" && /card (\d{4} ){3}\d{3,4}/.test(d.message))).toBe(true);
  });

  it("plays no incidents when asked for normal traffic only", () => {
    const { documents, groundTruth } = generateDemoLogs({ seed: 9, anchor: ANCHOR, targetLines: 60, windowMinutes: 5 / 60, incidents: false });
    expect(groundTruth.incidents).toEqual([]);
    expect(documents.length).toBeGreaterThan(20);
    expect(documents.some((d) => d.error?.type === "PaymentProviderTimeout" || d.error?.type === "TypeError")).toBe(false);
    expect(Math.min(...documents.map(ms))).toBeGreaterThanOrEqual(ANCHOR_MS - 5000);
    expect(Math.max(...documents.map(ms))).toBeLessThan(ANCHOR_MS);
  });
});
