import { describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { FIELD_CAPS_CANDIDATES, proposeFieldMapping, type FieldCapsFields } from "./propose-field-mapping";
import { NON_ECS_DETECTED_MAPPING } from "@/lib/demo/non-ecs-logs";

const cap = (type: string) => ({ [type]: { type, searchable: true, aggregatable: type !== "text" } });
/** What dynamic mapping makes of a JSON string: text with a keyword sub-field. */
const dynamicString = (name: string): FieldCapsFields => ({ [name]: cap("text"), [`${name}.keyword`]: cap("keyword") });

const NON_ECS: FieldCapsFields = {
  timestamp: cap("date"),
  ...dynamicString("level"),
  ...dynamicString("service"),
  ...dynamicString("env"),
  ...dynamicString("msg"),
  ...dynamicString("request_id"),
  ...dynamicString("method"),
  ...dynamicString("path"),
  status: cap("long"),
  duration_ms: cap("long"),
  _id: cap("_id"),
};

const concept = (result: ReturnType<typeof proposeFieldMapping>, name: string) => result.concepts.find((c) => c.concept === name)!;

describe("proposeFieldMapping", () => {
  it("maps a dynamically mapped non-ECS index, using keyword sub-fields where values are filtered and counted", () => {
    const result = proposeFieldMapping(NON_ECS);
    expect(result.mapping).toEqual(NON_ECS_DETECTED_MAPPING);
    expect(concept(result, "service")).toMatchObject({ found: true, fields: ["service.keyword"], type: "keyword", note: expect.stringMatching(/service is text/) });
    expect(concept(result, "message")).toMatchObject({ found: true, fields: ["msg"], type: "text", note: null });
    expect(concept(result, "errorType")).toMatchObject({ found: false, fields: [], type: null, alternatives: [] });
    expect(result.mapping.errorType).toBe("error.type");
  });

  it("keeps ECS names on an ECS index and lists the other existing candidates as alternatives", () => {
    const fields: FieldCapsFields = {
      "@timestamp": cap("date"),
      timestamp: cap("date"),
      "log.level": cap("keyword"),
      service: cap("object"),
      "service.name": cap("keyword"),
      "event.duration": cap("long"),
      duration_ms: cap("long"),
      "http.request.id": cap("keyword"),
      "trace.id": cap("keyword"),
    };
    const result = proposeFieldMapping(fields);
    expect(result.mapping).toMatchObject({ timestamp: "@timestamp", level: "log.level", service: "service.name", duration: "event.duration", durationUnit: "ns", correlationIds: ["http.request.id", "trace.id"] });
    expect(concept(result, "timestamp").alternatives).toEqual([{ field: "timestamp", type: "date", suitable: true }]);
    expect(concept(result, "duration").alternatives).toEqual([{ field: "duration_ms", type: "long", suitable: true }]);
    // An object is a container, not a candidate value.
    expect(concept(result, "service").alternatives).toEqual([]);
  });

  it("prefers a later candidate of a suitable type over an earlier one of the wrong type", () => {
    const fields: FieldCapsFields = { "@timestamp": cap("keyword"), time: cap("date"), status: cap("keyword"), status_code: cap("integer") };
    const result = proposeFieldMapping(fields);
    expect(result.mapping.timestamp).toBe("time");
    expect(result.mapping.status).toBe("status_code");
    expect(concept(result, "timestamp").alternatives).toEqual([{ field: "@timestamp", type: "keyword", suitable: false }]);
  });

  it("falls back to an existing candidate of an unsuitable type and says why", () => {
    const result = proposeFieldMapping({ level: cap("text"), status: { long: { type: "long" }, keyword: { type: "keyword" } } });
    expect(concept(result, "level")).toMatchObject({ found: true, fields: ["level"], type: "text", note: "level is mapped as text, which does not suit exact filters and counts" });
    expect(concept(result, "status")).toMatchObject({ fields: ["status"], type: "long, keyword", note: "status is mapped as long and keyword in different indices" });
  });

  it("takes the duration unit from the field found: ms for latency_ms", () => {
    const result = proposeFieldMapping({ latency_ms: cap("float") }, { ...ECS_FIELD_MAPPING, durationUnit: "ns" });
    expect(result.mapping).toMatchObject({ duration: "latency_ms", durationUnit: "ms" });
  });

  it("keeps the fallback mapping for every concept when nothing matches", () => {
    const custom = { ...ECS_FIELD_MAPPING, service: "svc", correlationIds: ["rid"] };
    const result = proposeFieldMapping({}, custom);
    expect(result.mapping).toEqual(custom);
    expect(result.concepts.every((c) => !c.found)).toBe(true);
    expect(result.concepts).toHaveLength(17);
  });

  it("asks _field_caps for every candidate and its keyword sub-field", () => {
    expect(FIELD_CAPS_CANDIDATES).toContain("request_id.keyword");
    expect(FIELD_CAPS_CANDIDATES).toContain("postgresql.log.query");
    expect(new Set(FIELD_CAPS_CANDIDATES).size).toBe(FIELD_CAPS_CANDIDATES.length);
  });
});
