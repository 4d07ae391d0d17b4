import { describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { shapeLogLine } from "./shape-log-line";

describe("shapeLogLine", () => {
  it("reads the mapped fields, including .keyword multi-fields and non-string values", () => {
    const mapping = { ...ECS_FIELD_MAPPING, timestamp: "timestamp", service: "service.keyword", level: "level.keyword", message: "msg" };
    const source = { timestamp: "2024-01-01T00:00:00Z", service: "orders", level: ["ERROR", "x"], msg: 42 };
    expect(shapeLogLine({ _id: "1", _index: "i" }, source, mapping)).toEqual({ id: "1", index: "i", timestamp: "2024-01-01T00:00:00Z", service: "orders", level: "ERROR", message: "42", source });
  });

  it("shows pino's numeric level by name and its epoch-millis time as ISO", () => {
    const mapping = { ...ECS_FIELD_MAPPING, timestamp: "time", level: "level", levelScheme: "pino" as const, message: "msg", service: "name.keyword" };
    const source = { time: 1712345678901, level: 50, msg: "boom", name: "checkout" };
    expect(shapeLogLine({ _id: "1", _index: "i" }, source, mapping)).toMatchObject({ timestamp: "2024-04-05T19:34:38.901Z", level: "error", service: "checkout", message: "boom", source });
  });

  it("shows syslog severities by their keywords", () => {
    expect(shapeLogLine({ _id: "1", _index: "i" }, { severity: 3 }, { ...ECS_FIELD_MAPPING, level: "severity", levelScheme: "syslog" }).level).toBe("err");
  });

  it("gives null for missing fields", () => {
    expect(shapeLogLine({ _id: "1", _index: "i" }, {}, ECS_FIELD_MAPPING)).toMatchObject({ timestamp: null, service: null, level: null, message: null });
  });
});
