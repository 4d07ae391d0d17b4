import { describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { durationMs, findEntryLine, readField, readLogLine, readNumber, readString, readTimedLines, readTimeMs, timeText } from "./read-log-fields";

describe("readField", () => {
  it("reads nested, flat dotted and mixed documents", () => {
    expect(readField({ http: { request: { id: "a" } } }, "http.request.id")).toBe("a");
    expect(readField({ "http.request.id": "b" }, "http.request.id")).toBe("b");
    expect(readField({ "http.request": { id: "c" } }, "http.request.id")).toBe("c");
    expect(readField({ http: { "request.id": "d" } }, "http.request.id")).toBe("d");
    expect(readField({ "@timestamp": "t" }, "@timestamp")).toBe("t");
    expect(readField({ http: { request: {} }, "http.request.id": "e" }, "http.request.id")).toBe("e");
  });

  it("answers undefined for missing paths and walks through arrays of objects", () => {
    expect(readField({ http: { request: "x" } }, "http.request.id")).toBeUndefined();
    // A .keyword multi-field (dynamic mappings) reads its parent's value; real nested "keyword" keys still win.
    expect(readField({ service: "orders" }, "service.keyword")).toBe("orders");
    expect(readField({ tags: ["a", "b"] }, "tags.keyword")).toEqual(["a", "b"]);
    expect(readField({ service: { keyword: "k" } }, "service.keyword")).toBe("k");
    expect(readField({ service: { name: "x" } }, "service.keyword")).toBeUndefined();
    expect(readField(null, "a")).toBeUndefined();
    expect(readField({ a: [{ b: 1 }, { c: 2 }] }, "a.c")).toBe(2);
    expect(readField({ a: [{ b: 1 }] }, "a")).toEqual([{ b: 1 }]);
    expect(readField(JSON.parse('{"__proto__": {"polluted": 1}}'), "__proto__.polluted")).toBe(1);
    expect(readField({}, "constructor")).toBeUndefined();
  });

  it("reads strings, numbers and times leniently", () => {
    expect(readString({ a: 504 }, "a")).toBe("504");
    expect(readString({ a: ["x", "y"] }, "a")).toBe("x");
    expect(readString({ a: { b: 1 } }, "a")).toBeNull();
    expect(readNumber({ a: "504" }, "a")).toBe(504);
    expect(readNumber({ a: "" }, "a")).toBeNull();
    expect(readNumber({ a: "fast" }, "a")).toBeNull();
    expect(readTimeMs({ t: "2025-06-01T12:00:00.123Z" }, "t")).toBe(Date.parse("2025-06-01T12:00:00.123Z"));
    expect(readTimeMs({ t: "2025-06-01T12:00:00.123456789Z" }, "t")).toBeCloseTo(Date.parse("2025-06-01T12:00:00.123Z") + 0.456789, 6);
    expect(readTimeMs({ t: "2025-06-01T14:00:00.5+02:00" }, "t")).toBe(Date.parse("2025-06-01T12:00:00.500Z"));
    expect(readTimeMs({ t: 1748779200000 }, "t")).toBe(1748779200000);
    expect(readTimeMs({ t: "1748779200000" }, "t")).toBe(1748779200000);
    expect(readTimeMs({ t: "soon" }, "t")).toBeNull();
  });

  it("reads epoch seconds with a fraction (zap's ts), milliseconds (pino's time) and nanoseconds alike", () => {
    const at = Date.parse("2024-04-05T19:34:38.123Z");
    expect(readTimeMs({ ts: 1712345678.123 }, "ts")).toBeCloseTo(at, 3);
    expect(readTimeMs({ ts: "1712345678.123" }, "ts")).toBeCloseTo(at, 3);
    expect(readTimeMs({ ts: "1712345678" }, "ts")).toBe(at - 123);
    expect(readTimeMs({ time: at }, "time")).toBe(at);
    expect(readTimeMs({ t: at * 1_000_000 }, "t")).toBeCloseTo(at, 0);
  });
});

describe("timeText", () => {
  it("shows epoch numbers as ISO and leaves text as logged", () => {
    expect(timeText(1712345678901)).toBe("2024-04-05T19:34:38.901Z");
    expect(timeText(1712345678.5)).toBe("2024-04-05T19:34:38.500Z");
    expect(timeText("2024-04-05T21:34:38.901+02:00")).toBe("2024-04-05T21:34:38.901+02:00");
    expect(timeText(undefined)).toBeNull();
  });
});

describe("durationMs", () => {
  it("honours the mapping's unit", () => {
    expect(durationMs({ event: { duration: 2_015_017_000 } }, ECS_FIELD_MAPPING)).toBe(2015.017);
    const ms: FieldMapping = { ...ECS_FIELD_MAPPING, duration: "latency_ms", durationUnit: "ms" };
    expect(durationMs({ latency_ms: 12.5 }, ms)).toBe(12.5);
    expect(durationMs({ latency_ms: "7" }, ms)).toBe(7);
    expect(durationMs({}, ms)).toBeNull();
    expect(durationMs({ latency_ms: -1 }, ms)).toBeNull();
  });
});

describe("readLogLine", () => {
  it("follows the level scheme: pino's 50 is a failed line named error, 40 is not", () => {
    const pino: FieldMapping = { ...ECS_FIELD_MAPPING, level: "level", levelScheme: "pino" };
    expect(readLogLine({ id: "a", source: { level: 50 } }, 0, pino)).toMatchObject({ level: "error", isError: true });
    expect(readLogLine({ id: "b", source: { level: 60 } }, 0, pino)).toMatchObject({ level: "fatal", isError: true });
    expect(readLogLine({ id: "c", source: { level: 40 } }, 0, pino)).toMatchObject({ level: "warn", isError: false });
    const syslog: FieldMapping = { ...ECS_FIELD_MAPPING, level: "severity", levelScheme: "syslog" };
    expect(readLogLine({ id: "d", source: { severity: 2 } }, 0, syslog)).toMatchObject({ level: "crit", isError: true });
    expect(readLogLine({ id: "e", source: { log: { level: "err" } } }, 0, ECS_FIELD_MAPPING)).toMatchObject({ level: "err", isError: true });
  });

  it("normalises one line through the mapping", () => {
    const line = readLogLine(
      {
        id: "h1",
        source: {
          "@timestamp": "2025-06-01T12:00:00.000Z",
          log: { level: "error" },
          "service.name": "orders",
          http: { response: { status_code: "502" }, request: { method: "POST" } },
          url: { path: "/orders" },
          event: { duration: 1_500_000 },
          error: { message: "boom" },
        },
      },
      0,
      ECS_FIELD_MAPPING,
    );
    expect(line).toMatchObject({ service: "orders", status: 502, isRequest: true, isError: true, durationMs: 1.5, rawDuration: 1_500_000, error: { type: null, message: "boom", stack: null } });
    expect(readLogLine({ id: "h2", source: { message: "x" } }, 1, ECS_FIELD_MAPPING)).toMatchObject({ service: "(unknown service)", time: null, isRequest: false, isError: false, error: null });
  });

  it("orders by time, then input order, and picks the entry line", () => {
    const at = "2025-06-01T12:00:00.000Z";
    const { timed, untimed } = readTimedLines(
      [
        { id: "inner", source: { "@timestamp": at, "service.name": "b", "parent.id": "g", "http.response.status_code": 200, "event.duration": 5e6 } },
        { id: "outer", source: { "@timestamp": at, "service.name": "a", "http.response.status_code": 200, "event.duration": 9e6 } },
        { id: "bad", source: { "@timestamp": "?" } },
      ],
      ECS_FIELD_MAPPING,
    );
    expect(timed.map((l) => l.id)).toEqual(["inner", "outer"]);
    expect(untimed.map((l) => l.id)).toEqual(["bad"]);
    expect(findEntryLine(timed)?.id).toBe("outer");
    expect(findEntryLine(timed.filter((l) => l.id === "inner"))?.id).toBe("inner");
    expect(findEntryLine([])).toBeNull();
  });
});
