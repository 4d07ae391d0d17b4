import { describe, expect, it } from "vitest";
import { generateDemoLogs } from "@/lib/demo/generate-demo-logs";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { requestTimelineSchema } from "@/lib/schemas/request-drilldown";
import { buildRequestTimeline, describeSlowestHop, formatDurationMs } from "./build-request-timeline";
import { findFirstError } from "./find-first-error";
import type { RequestLogInput } from "./read-log-fields";

const { documents, groundTruth } = generateDemoLogs({ seed: 4711, anchor: "2025-06-01T12:00:30.000Z", targetLines: 6000 });

function linesOf(requestId: string): RequestLogInput[] {
  return documents
    .filter((doc) => doc.http.request.id === requestId)
    .map((doc, index) => ({ id: `${requestId}#${index}`, source: doc as unknown as Record<string, unknown> }));
}

function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else out[prefix] = value;
  return out;
}

const incident = (id: string) => groundTruth.incidents.find((i) => i.id === id)!;

describe("buildRequestTimeline on demo requests", () => {
  it("reproduces the ground truth of a payments-timeout request: services, durations, slowest hop", () => {
    const facts = incident("payments-provider-timeout").timelines[0]!;
    const timeline = buildRequestTimeline(linesOf(facts.requestId), ECS_FIELD_MAPPING);

    expect(timeline.lanes.map((lane) => lane.service)).toEqual(facts.services);
    expect(timeline.lanes.map((lane) => lane.service)).toEqual(["gateway", "auth", "orders", "payments"]);
    expect(Object.fromEntries(timeline.timeShares.map((s) => [s.service, s.durationMs]))).toEqual(facts.durationMsByService);
    expect(timeline.lineCount).toBe(facts.lineCount);
    expect(timeline.entry).toMatchObject(facts.entry);

    const hop = timeline.slowestHop!;
    expect(hop.service).toBe("payments");
    expect(hop.durationMs).toBe(facts.durationMsByService.payments);
    expect(hop.durationMs).toBeGreaterThanOrEqual(2000);
    expect(hop.durationMs).toBeLessThan(2100);
    expect(hop.wallMs).toBeGreaterThanOrEqual(facts.durationMsByService.gateway!);
    expect(hop.share).toBeCloseTo(hop.durationMs / hop.wallMs, 10);
    expect(describeSlowestHop(hop)).toMatch(/^payments: 2\.0 s of 2\.\d s, 9\d%$/);
    expect(requestTimelineSchema.parse(timeline)).toEqual(timeline);
  });

  it("matches the ground truth for every sampled request of every incident", () => {
    let checked = 0;
    for (const { timelines } of groundTruth.incidents) {
      for (const facts of timelines) {
        const lines = linesOf(facts.requestId);
        const timeline = buildRequestTimeline(lines, ECS_FIELD_MAPPING);
        expect(timeline.lanes.map((lane) => lane.service)).toEqual(facts.services);
        expect(Object.fromEntries(timeline.timeShares.map((s) => [s.service, s.durationMs]))).toEqual(facts.durationMsByService);
        expect({ method: timeline.entry?.method, path: timeline.entry?.path, status: timeline.entry?.status }).toEqual(facts.entry);
        const error = findFirstError(lines, ECS_FIELD_MAPPING);
        expect(error && { service: error.service, type: error.type, message: error.message }).toEqual(facts.firstError);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("reads flat dotted documents exactly like nested ones", () => {
    const facts = incident("orders-slow-query").timelines[0]!;
    const nested = linesOf(facts.requestId);
    const flat = nested.map((line) => ({ id: line.id, source: flatten(line.source) }));
    expect(Object.keys(flat[0]!.source)).toContain("http.request.id");
    expect(buildRequestTimeline(flat, ECS_FIELD_MAPPING)).toEqual(buildRequestTimeline(nested, ECS_FIELD_MAPPING));
  });

  it("names orders as the slowest hop of a slow-query request and counts the statement as database time", () => {
    const facts = incident("orders-slow-query").timelines.find((t) => (t.durationMsByService.orders ?? 0) > 800)!;
    const timeline = buildRequestTimeline(linesOf(facts.requestId), ECS_FIELD_MAPPING);
    expect(timeline.slowestHop?.service).toBe("orders");
    expect(timeline.database.statementCount).toBeGreaterThanOrEqual(1);
    expect(timeline.database.durationMs).toBeGreaterThan(800);
    expect(timeline.database.share).toBeGreaterThan(0.9);
    expect(timeline.database.share).toBeLessThanOrEqual(1);
  });

  it("nests lanes by span: gateway at the root, orders under it, payments under orders", () => {
    const facts = incident("payments-provider-timeout").timelines[0]!;
    const timeline = buildRequestTimeline(linesOf(facts.requestId), ECS_FIELD_MAPPING);
    expect(timeline.lanes.map((l) => [l.service, l.depth, l.parentService])).toEqual([
      ["gateway", 0, null],
      ["auth", 1, "gateway"],
      ["orders", 1, "gateway"],
      ["payments", 2, "orders"],
    ]);
    expect(timeline.spans.map((s) => [s.service, s.depth])).toEqual([
      ["gateway", 0],
      ["auth", 1],
      ["orders", 1],
      ["payments", 2],
    ]);
  });

  it("draws every line as a mark, bars [time - duration, time], and marks the errors", () => {
    const facts = incident("payments-provider-timeout").timelines[0]!;
    const lines = linesOf(facts.requestId);
    const timeline = buildRequestTimeline(lines, ECS_FIELD_MAPPING);
    const marks = timeline.lanes.flatMap((lane) => lane.marks);
    expect(marks.map((m) => m.lineId).sort()).toEqual(lines.map((l) => l.id).sort());

    const paymentsRequest = timeline.lanes.find((l) => l.service === "payments")!.marks.find((m) => m.kind === "request")!;
    expect(paymentsRequest.durationMs).toBe(facts.durationMsByService.payments);
    expect(paymentsRequest.end).toBe(paymentsRequest.time);
    expect(paymentsRequest.start).toBe(paymentsRequest.time - paymentsRequest.durationMs!);
    expect(paymentsRequest.isError).toBe(true); // 504

    const debug = marks.find((m) => m.level === "DEBUG" && m.kind === "log")!;
    expect(debug.durationMs).toBeUndefined();
    expect(debug.isError).toBe(false);
    expect(timeline.lanes.find((l) => l.service === "auth")!.errorCount).toBe(0);
    expect(timeline.lanes.find((l) => l.service === "payments")!.errorCount).toBe(2); // the timeout line and the 504

    const gateway = timeline.lanes[0]!.marks.find((m) => m.kind === "request")!;
    expect(timeline.startMs).toBeLessThanOrEqual(gateway.start!);
    expect(timeline.endMs).toBe(gateway.end);
  });
});

describe("buildRequestTimeline on hand-built lines", () => {
  const mapping: FieldMapping = { ...ECS_FIELD_MAPPING, duration: "duration_ms", durationUnit: "ms" };
  const at = (ms: number) => new Date(Date.UTC(2025, 5, 1, 12) + ms).toISOString();
  const line = (id: string, fields: Record<string, unknown>): RequestLogInput => ({ id, source: { "http.request.id": "req-5", ...fields } });
  // Five services, flat documents, durations in milliseconds; users and orders both under gateway.
  const fiveServices = [
    line("a", { "@timestamp": at(0), "service.name": "gateway", "span.id": "g", message: "routing" }),
    line("b", { "@timestamp": at(3), "service.name": "auth", "span.id": "a", "parent.id": "g", "http.response.status_code": 200, duration_ms: 2 }),
    line("c", { "@timestamp": at(10), "service.name": "users", "span.id": "u", "parent.id": "g", "http.response.status_code": 200, duration_ms: 6 }),
    line("d", { "@timestamp": at(500), "service.name": "payments", "span.id": "p", "parent.id": "o", "http.response.status_code": 201, duration_ms: 480 }),
    line("e", { "@timestamp": at(505), "service.name": "orders", "span.id": "o", "parent.id": "g", "http.response.status_code": 201, duration_ms: 494 }),
    line("f", { "@timestamp": at(506), "service.name": "gateway", "span.id": "g", "http.response.status_code": 201, duration_ms: 506, "http.request.method": "POST", "url.path": "/api/orders/checkout" }),
  ];

  it("shows five lanes in order of first appearance, at their span depth", () => {
    const timeline = buildRequestTimeline([...fiveServices].reverse(), mapping);
    // firstSeen is the first line's time, so orders (logged on completion) comes after payments.
    expect(timeline.lanes.map((l) => [l.service, l.depth])).toEqual([
      ["gateway", 0],
      ["auth", 1],
      ["users", 1],
      ["payments", 2],
      ["orders", 1],
    ]);
    expect(timeline.wallMs).toBe(506);
    expect(timeline.entry).toMatchObject({ lineId: "f", method: "POST", path: "/api/orders/checkout", status: 201, durationMs: 506 });
    expect(Object.fromEntries(timeline.timeShares.map((s) => [s.service, [s.durationMs, s.selfMs]]))).toEqual({
      gateway: [506, 4],
      auth: [2, 2],
      users: [6, 6],
      payments: [480, 480],
      orders: [494, 14],
    });
    expect(timeline.slowestHop).toMatchObject({ service: "payments", durationMs: 480, wallMs: 506 });
    expect(describeSlowestHop(timeline.slowestHop!)).toBe("payments: 480 ms of 506 ms, 95%");
  });

  it("finds the slowest hop from nested intervals when lines carry no span ids", () => {
    const noSpans = fiveServices.map(({ id, source }) => ({ id, source: Object.fromEntries(Object.entries(source).filter(([k]) => k !== "span.id" && k !== "parent.id")) }));
    const timeline = buildRequestTimeline(noSpans, mapping);
    expect(timeline.lanes.every((l) => l.depth === 0 && l.parentService === null)).toBe(true);
    expect(timeline.spans).toEqual([]);
    expect(timeline.slowestHop?.service).toBe("payments");
  });

  it("survives empty input, untimed lines and parent cycles", () => {
    const empty = buildRequestTimeline([], mapping);
    expect(empty).toMatchObject({ lanes: [], wallMs: 0, startMs: null, slowestHop: null, entry: null, lineCount: 0 });
    const odd = buildRequestTimeline(
      [
        line("x", { "@timestamp": "not a date", "service.name": "gateway" }),
        line("y", { "@timestamp": at(1), "service.name": "a", "span.id": "1", "parent.id": "2" }),
        line("z", { "@timestamp": at(2), "service.name": "b", "span.id": "2", "parent.id": "1" }),
      ],
      mapping,
    );
    expect(odd.lineCount).toBe(3);
    expect(odd.untimedLineCount).toBe(1);
    expect(odd.spans.map((s) => s.spanId).sort()).toEqual(["1", "2"]);
    expect(odd.lanes.map((l) => l.service)).toEqual(["a", "b"]);
  });
});

describe("formatDurationMs", () => {
  it("formats like the drilldown's sentence", () => {
    expect([0.42, 9.94, 38.4, 999.4, 999.6, 2015, 99_940, 125_000].map(formatDurationMs)).toEqual([
      "0.4 ms",
      "9.9 ms",
      "38 ms",
      "999 ms",
      "1.0 s",
      "2.0 s",
      "99.9 s",
      "125 s",
    ]);
    expect(describeSlowestHop({ service: "payments", durationMs: 2000, selfMs: 1990, wallMs: 2300, share: 2000 / 2300 })).toBe("payments: 2.0 s of 2.3 s, 87%");
  });
});

