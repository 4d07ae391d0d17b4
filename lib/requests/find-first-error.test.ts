import { describe, expect, it } from "vitest";
import { providerTimeoutError } from "@/lib/demo/error-catalog";
import { generateDemoLogs } from "@/lib/demo/generate-demo-logs";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { firstErrorSchema } from "@/lib/schemas/request-drilldown";
import { findFirstError } from "./find-first-error";
import type { RequestLogInput } from "./read-log-fields";

const { documents, groundTruth } = generateDemoLogs({ seed: 99, anchor: "2025-06-01T12:00:30.000Z", targetLines: 6000 });

function linesOf(requestId: string): RequestLogInput[] {
  return documents
    .filter((doc) => doc.http.request.id === requestId)
    .map((doc, index) => ({ id: `${requestId}#${index}`, source: doc as unknown as Record<string, unknown> }));
}

const timelinesOf = (id: string) => groundTruth.incidents.find((i) => i.id === id)!.timelines;

describe("findFirstError", () => {
  it("names the payments timeout with its full stack and the 504 hop it happened on", () => {
    const facts = timelinesOf("payments-provider-timeout").find((t) => t.firstError?.service === "payments")!;
    const error = findFirstError(linesOf(facts.requestId), ECS_FIELD_MAPPING)!;
    expect({ service: error.service, type: error.type, message: error.message }).toEqual(facts.firstError);
    expect(error.isFailure).toBe(true);
    expect(error.level).toBe("ERROR");
    expect(error.stack).toBe(providerTimeoutError.stack_trace);
    expect(error.trace?.header).toEqual(["PaymentProviderTimeout: provider did not answer within 2000ms"]);
    expect(error.trace?.frames).toHaveLength(6);
    expect(error.trace?.frames.filter((f) => f.isAppFrame).map((f) => f.function)).toEqual(["Timeout._onTimeout", "ProviderClient.charge", "chargeHandler"]);
    expect(error.hop).toMatchObject({ service: "payments", method: "POST", path: "/payments/charge", status: 504 });
    expect(error.hop?.durationMs).toBe(facts.durationMsByService.payments);
    expect(firstErrorSchema.parse(error)).toEqual(error);
  });

  it("takes the earliest error, not the loudest: the null user in users, not the gateway's 500", () => {
    const facts = timelinesOf("users-null-user-500").find((t) => t.firstError?.type === "TypeError")!;
    const error = findFirstError(linesOf(facts.requestId), ECS_FIELD_MAPPING)!;
    expect(error).toMatchObject({ service: "users", type: "TypeError", isFailure: true });
    expect(error.hop).toMatchObject({ service: "users", method: "GET", status: 500 });
    expect(error.trace?.frames.find((f) => !f.isAppFrame)?.file).toBe("node:internal/process/task_queues");
  });

  it("reports an expired token (a WARN with an error) as a non-failure on the 401 hop", () => {
    const facts = timelinesOf("auth-expired-token-401").find((t) => t.firstError?.type === "TokenExpiredError")!;
    const error = findFirstError(linesOf(facts.requestId), ECS_FIELD_MAPPING)!;
    expect(error).toMatchObject({ service: "auth", type: "TokenExpiredError", message: "jwt expired", isFailure: false, stack: null, trace: null });
    expect(error.hop).toMatchObject({ service: "auth", path: "/auth/verify", status: 401 });
  });

  it("returns null for a request that went well", () => {
    const ok = documents.find((d) => d.service.name === "gateway" && d.http.response?.status_code === 200)!;
    expect(findFirstError(linesOf(ok.http.request.id), ECS_FIELD_MAPPING)).toBeNull();
  });

  it("falls back to a failing line's message when no line carries error fields", () => {
    const lines: RequestLogInput[] = [
      { id: "1", source: { "@timestamp": "2025-06-01T12:00:00.000Z", service: { name: "edge" }, log: { level: "info" }, message: "GET / 200" } },
      { id: "2", source: { "@timestamp": "2025-06-01T12:00:00.002Z", service: { name: "edge" }, log: { level: "fatal" }, message: "worker crashed" } },
      { id: "3", source: { "@timestamp": "2025-06-01T12:00:00.010Z", service: { name: "edge" }, message: "GET /x 503", http: { request: { method: "GET" }, response: { status_code: 503 } }, url: { path: "/x" }, event: { duration: 9_000_000 } } },
    ];
    const error = findFirstError(lines, ECS_FIELD_MAPPING)!;
    expect(error).toMatchObject({ lineId: "2", type: null, message: "worker crashed", isFailure: true, level: "fatal" });
    expect(error.hop).toMatchObject({ lineId: "3", method: "GET", path: "/x", status: 503, durationMs: 9 });
  });

  it("finds a pino error by its numeric level (50) and names it, where a warning (40) carrying an error is not the failure", () => {
    const pino = { ...ECS_FIELD_MAPPING, timestamp: "time", level: "level", levelScheme: "pino" as const, service: "name", message: "msg", errorType: "err.type", errorMessage: "err.message", errorStack: "err.stack" };
    const lines: RequestLogInput[] = [
      { id: "1", source: { time: 1712345678000, level: 40, name: "api", msg: "retrying", err: { type: "Error", message: "flaky" } } },
      { id: "2", source: { time: 1712345678005, level: 50, name: "api", msg: "gave up", err: { type: "Error", message: "db down", stack: "Error: db down\n    at query (/app/db.js:1:1)" } } },
    ];
    expect(findFirstError(lines, pino)).toMatchObject({ lineId: "2", level: "error", type: "Error", message: "db down", isFailure: true });
  });
});
