import { describe, expect, it } from "vitest";
import { generateDemoLogs } from "./generate-demo-logs";
import type { IncidentId } from "./incidents";
import type { DemoLogDocument } from "./log-document";
import { groupByRequest, ms, requestLines } from "./test-helpers";

const ANCHOR_MS = Date.parse("2025-06-01T12:00:00.000Z");
const { documents, groundTruth } = generateDemoLogs({ seed: 42, anchor: ANCHOR_MS, targetLines: 20_000 });
const byRequest = groupByRequest(documents);

function incident(id: IncidentId) {
  const found = groundTruth.incidents.find((i) => i.id === id);
  if (!found) throw new Error(`no incident ${id}`);
  return { ...found, startMs: Date.parse(found.start), endMs: Date.parse(found.end) };
}

function hop(docs: DemoLogDocument[], service: string): DemoLogDocument {
  const line = requestLines(docs).find((d) => d.service.name === service);
  if (!line) throw new Error(`no ${service} request line`);
  return line;
}

/** A request belongs to the window its gateway span started in. */
function startMs(docs: DemoLogDocument[]): number {
  return Math.min(...docs.map(ms));
}

describe("demo incidents", () => {
  it("places the five incidents at their default offsets from the anchor", () => {
    const offsets = Object.fromEntries(groundTruth.incidents.map((i) => [i.id, [(Date.parse(i.start) - ANCHOR_MS) / 60_000, (Date.parse(i.end) - ANCHOR_MS) / 60_000]]));
    expect(offsets).toEqual({
      "users-null-user-500": [-20, -17],
      "orders-slow-query": [-35, -30],
      "payments-provider-timeout": [-12, -9],
      "auth-expired-token-401": [-45, -42],
      "users-cache-race": [-5, -3],
    });
  });

  it("(a) answers 500 in users and gateway for a null user, with a mixed Node stack", () => {
    const a = incident("users-null-user-500");
    expect(a.requestCount).toBeGreaterThan(10);
    for (const id of a.requestIds) {
      const docs = byRequest.get(id)!;
      expect(startMs(docs)).toBeGreaterThanOrEqual(a.startMs);
      expect(startMs(docs)).toBeLessThan(a.endMs);
      expect(hop(docs, "users").http.response?.status_code).toBe(500);
      expect(hop(docs, "gateway")).toMatchObject({ http: { request: { method: "GET" }, response: { status_code: 500 } } });
      expect(hop(docs, "gateway").url?.path).toMatch(/^\/api\/users\/\d+$/);
      const error = docs.find((d) => d.error)!;
      expect(error.log.level).toBe("ERROR");
      expect(error.error?.message).toBe("Cannot read properties of null (reading 'email')");
      expect(error.error?.stack_trace).toMatch(/\/app\/src\//);
      expect(error.error?.stack_trace).toMatch(/node_modules\//);
    }
    const usersFailuresOutside = documents.filter((d) => d.error?.type === "TypeError" && (ms(d) < a.startMs || ms(d) >= a.endMs + 5000));
    expect(usersFailuresOutside).toEqual([]);
  });

  it("(b) runs the orders query missing an index for 800-3000 ms, mostly in its window, while other queries stay fast", () => {
    const b = incident("orders-slow-query");
    const slow = documents.filter((d) => d.db && (d.event?.duration ?? 0) >= 500e6);
    expect(slow.length).toBe(b.requestCount);
    for (const line of slow) {
      expect(line.service.name).toBe("orders");
      expect(line.db?.statement).toMatch(/^SELECT \* FROM orders WHERE user_id = \d+ AND status = '\w+' ORDER BY created_at DESC$/);
      expect(line.event!.duration).toBeGreaterThanOrEqual(800e6);
      expect(line.event!.duration).toBeLessThanOrEqual(3000e6);
    }
    expect(new Set(slow.map((d) => d.db?.statement)).size).toBeGreaterThan(10);
    const inWindow = slow.filter((d) => ms(d) >= b.startMs && ms(d) < b.endMs + 4000);
    expect(inWindow.length).toBeGreaterThan(slow.length / 2);
    expect(inWindow.length).toBeLessThan(slow.length);
  });

  it("(c) times out in payments after 2 s across gateway, auth, orders and payments", () => {
    const c = incident("payments-provider-timeout");
    expect(c.requestCount).toBeGreaterThan(5);
    for (const facts of c.timelines) {
      expect(facts.services).toEqual(["gateway", "auth", "orders", "payments"]);
      expect(facts.entry).toEqual({ method: "POST", path: "/api/orders/checkout", status: 502 });
      expect(facts.firstError).toEqual({ service: "payments", type: "PaymentProviderTimeout", message: "provider did not answer within 2000ms" });
      expect(facts.durationMsByService.payments).toBeGreaterThanOrEqual(2000);
      expect(facts.durationMsByService.payments).toBeLessThan(2100);
      const docs = byRequest.get(facts.requestId)!;
      expect(startMs(docs)).toBeGreaterThanOrEqual(c.startMs);
      expect(startMs(docs)).toBeLessThan(c.endMs);
      expect([hop(docs, "payments"), hop(docs, "orders"), hop(docs, "gateway")].map((d) => d.http.response?.status_code)).toEqual([504, 502, 502]);
      expect(docs.some((d) => d.log.level === "ERROR" && d.message === "PaymentProviderTimeout: provider did not answer within 2000ms")).toBe(true);
    }
  });

  it("(d) rejects expired tokens in auth with a WARN and a 401 at the gateway", () => {
    const d = incident("auth-expired-token-401");
    expect(d.requestCount).toBeGreaterThan(10);
    for (const facts of d.timelines) {
      const docs = byRequest.get(facts.requestId)!;
      expect(startMs(docs)).toBeGreaterThanOrEqual(d.startMs);
      expect(startMs(docs)).toBeLessThan(d.endMs);
      expect(facts.services).toEqual(["gateway", "auth"]);
      expect(facts.entry.status).toBe(401);
      expect(docs.some((l) => l.service.name === "auth" && l.log.level === "WARN" && l.message.startsWith("JWT expired"))).toBe(true);
      expect(hop(docs, "gateway").http.request.headers?.authorization).toMatch(/^Bearer /);
    }
  });

  it("(e) logs stale cache entries and concurrent refresh failures in users, with some 409s", () => {
    const e = incident("users-cache-race");
    expect(e.requestCount).toBeGreaterThan(3);
    const docs = e.requestIds.flatMap((id) => byRequest.get(id)!);
    expect(docs.every((l) => startMs(byRequest.get(l.http.request.id)!) >= e.startMs && startMs(byRequest.get(l.http.request.id)!) < e.endMs)).toBe(true);
    expect(docs.some((l) => l.service.name === "users" && l.log.level === "WARN" && /stale cache entry/.test(l.message))).toBe(true);
    expect(docs.some((l) => l.service.name === "users" && l.log.level === "ERROR" && l.error?.type === "CacheVersionConflict")).toBe(true);
    expect(docs.some((l) => l.service.name === "users" && l.http.response?.status_code === 409)).toBe(true);
  });

  it("moves or switches off incidents as configured", () => {
    const moved = generateDemoLogs({
      seed: 42,
      anchor: ANCHOR_MS,
      targetLines: 6000,
      incidents: { "users-null-user-500": { offsetMinutes: -50, durationMinutes: 2 }, "users-cache-race": null },
    });
    const a = moved.groundTruth.incidents.find((i) => i.id === "users-null-user-500")!;
    expect([a.start, a.end]).toEqual([new Date(ANCHOR_MS - 50 * 60_000).toISOString(), new Date(ANCHOR_MS - 48 * 60_000).toISOString()]);
    expect(moved.groundTruth.incidents.map((i) => i.id)).not.toContain("users-cache-race");
    expect(moved.documents.some((d) => d.error?.type === "CacheVersionConflict")).toBe(false);
    const failures = moved.documents.filter((d) => d.error?.type === "TypeError").map(ms);
    expect(failures.length).toBeGreaterThan(0);
    expect(Math.min(...failures)).toBeGreaterThanOrEqual(ANCHOR_MS - 50 * 60_000);
    expect(Math.max(...failures)).toBeLessThan(ANCHOR_MS - 48 * 60_000 + 5000);
  });
});
