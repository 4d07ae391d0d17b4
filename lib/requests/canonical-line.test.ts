import { describe, expect, it } from "vitest";
import { DEMO_SOURCE_MAPPINGS } from "@/lib/demo/demo-sources";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { lineJoinsRequest, toCanonicalLine } from "./canonical-line";
import { readNumber, readString } from "./read-log-fields";

// The demo gateway source is pino-http shaped: time, level (pino), name, msg, req/res, responseTime (ms).
const PINO_HTTP = DEMO_SOURCE_MAPPINGS.gateway;
const POSTGRES: FieldMapping = { ...ECS_FIELD_MAPPING, sqlStatement: "postgresql.log.query", correlationIds: ["trace.id"] };
const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

describe("toCanonicalLine", () => {
  it("adds the ECS names of a pino-http line, with the duration in nanoseconds, and keeps the line as logged", () => {
    const doc = { time: "2026-12-01T10:00:00.000Z", level: 30, name: "gateway", msg: "request completed", req: { id: "req-1", method: "GET", url: "/api/orders/7" }, res: { statusCode: 502 }, responseTime: 2012.5 };
    const line = toCanonicalLine(doc, PINO_HTTP);
    expect(line).toMatchObject(doc);
    expect([readString(line, "@timestamp"), readString(line, "service.name"), readString(line, "http.request.method"), readString(line, "url.path"), readNumber(line, "http.response.status_code")]).toEqual([
      "2026-12-01T10:00:00.000Z",
      "gateway",
      "GET",
      "/api/orders/7",
      502,
    ]);
    expect(readNumber(line, "event.duration")).toBe(2_012_500_000);
    expect(readString(line, "http.request.id")).toBe("req-1");
    expect(readString(line, "log.level")).toBe("info");
  });

  it("leaves an ECS line as it is", () => {
    const doc = { "@timestamp": "2026-12-01T10:00:00Z", service: { name: "orders" }, http: { request: { id: "req-2" } } };
    expect(toCanonicalLine(doc, ECS_FIELD_MAPPING)).toEqual(doc);
  });

  it("hangs a PostgreSQL line under the span its sqlcommenter traceparent names", () => {
    const doc = { "@timestamp": "2026-12-01T10:00:01Z", service: { name: "postgresql" }, postgresql: { log: { query: `SELECT 1 /*request_id='req-3',traceparent='00-${TRACE}-00f067aa0ba902b7-01'*/` } } };
    const line = toCanonicalLine(doc, POSTGRES);
    expect(readString(line, "parent.id")).toBe("00f067aa0ba902b7");
    expect(readString(line, "trace.id")).toBe(TRACE);
    expect(readString(line, "db.statement")).toMatch(/^SELECT 1/);
  });
});

describe("lineJoinsRequest", () => {
  const pg = (comment: string) => ({ postgresql: { log: { query: `UPDATE orders SET status = 'paid' ${comment}` } } });
  it("joins by a correlation field or by the statement's sqlcommenter tags, exactly", () => {
    expect(lineJoinsRequest({ req: { id: "req-1" } }, PINO_HTTP, "req-1")).toBe(true);
    expect(lineJoinsRequest(pg("/*request_id='req-1'*/"), POSTGRES, "req-1")).toBe(true);
    expect(lineJoinsRequest(pg(`/*traceparent='00-${TRACE}-00f067aa0ba902b7-01'*/`), POSTGRES, TRACE.toUpperCase())).toBe(true);
    // The engine's phrase match would also find these; the exact test does not.
    expect(lineJoinsRequest(pg("/*request_id='req-10'*/"), POSTGRES, "req-1")).toBe(false);
    expect(lineJoinsRequest({ message: "retrying req-1 later" }, POSTGRES, "req-1")).toBe(false);
  });

  it("reads the comment from a raw PostgreSQL server line's message", () => {
    const raw = { message: "2026-12-01 10:00:01.123 UTC [77] LOG:  duration: 812.204 ms  statement: SELECT * FROM orders WHERE user_id = 42 /*request_id='req-9'*/" };
    expect(lineJoinsRequest(raw, POSTGRES, "req-9")).toBe(true);
  });
});
