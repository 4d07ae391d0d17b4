import { describe, expect, it } from "vitest";
import { buildLogFilters } from "./build-log-search-query";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";

const from = new Date("2026-11-25T09:00:00Z");
const to = new Date("2026-11-25T10:00:00Z");
const params = { q: "", service: [], environment: [], level: [] as string[], status: [] };
const filters = (level: string[], mapping: FieldMapping = ECS_FIELD_MAPPING) => buildLogFilters({ params: { ...params, level }, from, to, mapping });

describe("buildLogFilters", () => {
  it("bounds the range in epoch milliseconds, both ends included", () => {
    expect(filters([])).toEqual([{ range: { "@timestamp": { gte: from.getTime(), lte: to.getTime(), format: "epoch_millis" } } }]);
  });

  it("level=error under pino finds the 50s, never the word ERROR on a numeric field", () => {
    const [, level] = filters(["error"], { ...ECS_FIELD_MAPPING, level: "level", levelScheme: "pino" });
    expect(level).toEqual({ range: { level: { gte: 50, lt: 60 } } });
  });

  it("level=error under syslog finds severity 3", () => {
    expect(filters(["error"], { ...ECS_FIELD_MAPPING, level: "severity", levelScheme: "syslog" })[1]).toEqual({ terms: { severity: [3] } });
  });

  it("level=error under names finds every case and spelling of the class", () => {
    const [, level] = filters(["error"]) as [unknown, { terms: Record<string, string[]> }];
    expect(level.terms["log.level"]).toEqual(expect.arrayContaining(["error", "ERROR", "Error", "err", "ERR"]));
  });

  it("a level the numeric scheme cannot name matches nothing (the verb refuses it first)", () => {
    expect(filters(["loud"], { ...ECS_FIELD_MAPPING, levelScheme: "pino" })[1]).toEqual({ bool: { must_not: [{ match_all: {} }] } });
  });
});
