import { describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { FIELD_CAPS_CANDIDATES, missingConceptsNotice, proposeFieldMapping, type FieldCapsFields } from "./propose-field-mapping";
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
    expect(result.concepts).toHaveLength(19);
  });

  it("proposes a statement duration of its own where SQL lines time themselves apart from requests", () => {
    const own = proposeFieldMapping({ query: { text: { type: "text" } }, "db.duration_ms": { double: { type: "double" } }, responseTime: { double: { type: "double" } } });
    expect(own.mapping).toMatchObject({ sqlStatement: "query", duration: "responseTime", statementDuration: "db.duration_ms", statementDurationUnit: "ms" });
    // ECS app lines: the statement's duration is the line's duration, so nothing extra is set.
    const ecs = proposeFieldMapping({ "db.statement": { text: { type: "text" } }, "event.duration": { long: { type: "long" } } });
    expect(ecs.mapping.statementDuration).toBeUndefined();
    expect(ecs.concepts.find((c) => c.concept === "statementDuration")).toMatchObject({ found: true, fields: ["event.duration"] });
  });

  it("asks _field_caps for every candidate and its keyword sub-field", () => {
    expect(FIELD_CAPS_CANDIDATES).toContain("request_id.keyword");
    expect(FIELD_CAPS_CANDIDATES).toContain("postgresql.log.query");
    expect(new Set(FIELD_CAPS_CANDIDATES).size).toBe(FIELD_CAPS_CANDIDATES.length);
  });

  it("asks _field_caps for the names of the common loggers", () => {
    for (const name of ["req_id", "req.id", "res.statusCode", "responseTime", "err.stack", "ts", "trace_id", "stack_trace", "severity_text", "body", "resource.attributes.service.name"]) {
      expect(FIELD_CAPS_CANDIDATES).toContain(name);
    }
  });
});

// Field names of loggers that cannot run here, as their documentation describes them and as the
// engines' dynamic mapping (or, for time, an index template) maps them.
describe("proposeFieldMapping for loggers known from their documentation", () => {
  it("zap: ts in epoch seconds mapped as a date, msg, level names, caller, stacktrace, trace_id", () => {
    const fields: FieldCapsFields = { ts: cap("date"), ...dynamicString("level"), ...dynamicString("msg"), ...dynamicString("caller"), ...dynamicString("logger"), ...dynamicString("stacktrace"), ...dynamicString("trace_id") };
    const result = proposeFieldMapping(fields);
    expect(result.mapping).toMatchObject({ timestamp: "ts", level: "level.keyword", levelScheme: "names", message: "msg", errorStack: "stacktrace", correlationIds: ["trace_id.keyword"] });
  });

  it("zap: a ts left to dynamic mapping (float) is refused for time, with the fix", () => {
    const result = proposeFieldMapping({ ts: cap("float") }, ECS_FIELD_MAPPING, { ts: { values: [], max: 1712345678.123 } });
    expect(concept(result, "timestamp")).toMatchObject({ found: true, fields: ["ts"], note: expect.stringMatching(/epoch_second/) });
    expect(concept(result, "timestamp").alternatives).toEqual([]);
  });

  it("logrus: time as ISO text, msg, level, error", () => {
    const result = proposeFieldMapping({ time: cap("date"), ...dynamicString("level"), ...dynamicString("msg"), ...dynamicString("trace_id") });
    expect(result.mapping).toMatchObject({ timestamp: "time", level: "level.keyword", message: "msg", correlationIds: ["trace_id.keyword"] });
  });

  it("logstash-logback-encoder: @timestamp, message, level names (not level_value), stack_trace", () => {
    const fields: FieldCapsFields = { "@timestamp": cap("date"), ...dynamicString("message"), ...dynamicString("level"), level_value: cap("long"), ...dynamicString("logger_name"), ...dynamicString("thread_name"), ...dynamicString("stack_trace") };
    const result = proposeFieldMapping(fields);
    expect(result.mapping).toMatchObject({ timestamp: "@timestamp", level: "level.keyword", levelScheme: "names", message: "message", errorStack: "stack_trace" });
  });

  it("OpenTelemetry logs from the Elasticsearch exporter: severity_text, body, trace_id, span_id, resource service name", () => {
    const fields: FieldCapsFields = {
      "@timestamp": cap("date"),
      severity_text: cap("keyword"),
      severity_number: cap("long"),
      "body.text": cap("text"),
      trace_id: cap("keyword"),
      span_id: cap("keyword"),
      resource: cap("object"),
      "resource.attributes.service.name": cap("keyword"),
      "resource.attributes.deployment.environment": cap("keyword"),
    };
    const result = proposeFieldMapping(fields);
    expect(result.mapping).toMatchObject({ level: "severity_text", levelScheme: "names", message: "body.text", service: "resource.attributes.service.name", environment: "resource.attributes.deployment.environment", spanId: "span_id", correlationIds: ["trace_id"] });
  });
});

describe("level schemes and numeric times from the sampled values", () => {
  const numericLevel: FieldCapsFields = { time: cap("long"), level: cap("long"), ...dynamicString("msg"), ...dynamicString("name") };

  it("pino/bunyan numbers: the pino scheme; a long time of epoch milliseconds reads as time", () => {
    const result = proposeFieldMapping(numericLevel, ECS_FIELD_MAPPING, { level: { values: [30, 40, 50, 60], max: 60 }, time: { values: [], max: 1712345678901 } });
    expect(result.mapping).toMatchObject({ timestamp: "time", level: "level", levelScheme: "pino", service: "name.keyword", message: "msg" });
    expect(concept(result, "level").note).toMatch(/pino\/bunyan/);
    expect(concept(result, "timestamp")).toMatchObject({ found: true, note: expect.stringMatching(/epoch milliseconds/) });
  });

  it("syslog severities: the syslog scheme", () => {
    const result = proposeFieldMapping({ severity: cap("integer") }, ECS_FIELD_MAPPING, { severity: { values: [3, 6, 4, 2], max: 6 } });
    expect(result.mapping).toMatchObject({ level: "severity", levelScheme: "syslog" });
  });

  it("numbers that fit neither keep a numeric scheme and say to choose by hand", () => {
    const result = proposeFieldMapping({ level: cap("long") }, ECS_FIELD_MAPPING, { level: { values: [1, 9, 17], max: 17 } });
    expect(result.mapping.levelScheme).toBe("pino");
    expect(concept(result, "level").note).toMatch(/choose the level scheme by hand/);
  });

  it("a keyword level is names, whatever the current scheme", () => {
    expect(proposeFieldMapping(NON_ECS, { ...ECS_FIELD_MAPPING, levelScheme: "pino" }).mapping.levelScheme).toBe("names");
  });

  it("a long time of epoch seconds is refused for time, with the fix", () => {
    const result = proposeFieldMapping({ "@timestamp": cap("date"), ts: cap("long") }, ECS_FIELD_MAPPING, { ts: { values: [], max: 1712345678 } });
    expect(result.mapping.timestamp).toBe("@timestamp");
    expect(concept(result, "timestamp").alternatives).toEqual([{ field: "ts", type: "long", suitable: false }]);
    expect(proposeFieldMapping({ ts: cap("long") }, ECS_FIELD_MAPPING, { ts: { values: [], max: 1712345678 } }).concepts[0]!.note).toMatch(/epoch seconds .* epoch_second/);
  });
});

describe("concepts the index does not have", () => {
  it("are not found and say so when the current field is missing too (bunyan has no service.name)", () => {
    const result = proposeFieldMapping({ time: cap("date"), level: cap("long"), ...dynamicString("msg") });
    expect(concept(result, "service")).toMatchObject({ found: false, fields: [], note: expect.stringMatching(/service.name \(current\) is kept but the index has no such field/) });
    expect(missingConceptsNotice(result.concepts, result.mapping, "logs-x")).toMatch(/^Not found in logs-x: service \(service.name kept\), status/);
  });

  it("keep a current field the index has, found", () => {
    const result = proposeFieldMapping({ svc: cap("keyword") }, { ...ECS_FIELD_MAPPING, service: "svc" });
    expect(concept(result, "service")).toMatchObject({ found: true, fields: ["svc"], note: expect.stringMatching(/keeps svc/) });
    expect(result.mapping.service).toBe("svc");
  });
});
