import { describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { shapeLogLine } from "./shape-log-line";

describe("shapeLogLine", () => {
  it("reads the mapped fields, including .keyword multi-fields and non-string values", () => {
    const mapping = { ...ECS_FIELD_MAPPING, timestamp: "timestamp", service: "service.keyword", level: "level.keyword", message: "msg" };
    const source = { timestamp: "2024-01-01T00:00:00Z", service: "orders", level: ["ERROR", "x"], msg: 42 };
    expect(shapeLogLine({ _id: "1", _index: "i" }, source, mapping)).toEqual({ id: "1", index: "i", timestamp: "2024-01-01T00:00:00Z", service: "orders", level: "ERROR", message: "42", source });
  });

  it("gives null for missing fields", () => {
    expect(shapeLogLine({ _id: "1", _index: "i" }, {}, ECS_FIELD_MAPPING)).toMatchObject({ timestamp: null, service: null, level: null, message: null });
  });
});
