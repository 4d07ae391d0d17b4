import { describe, expect, it } from "vitest";
import { buildErrorRateQuery } from "./build-error-rate-query";
import { ECS_FIELD_MAPPING } from "./field-mapping";

const base = {
  from: new Date("2026-11-25T09:00:00Z"),
  to: new Date("2026-11-25T10:00:00Z"),
  intervalLabel: "1m",
  services: [] as string[],
  mapping: ECS_FIELD_MAPPING,
};

describe("buildErrorRateQuery", () => {
  it("counts only request lines inside the range", () => {
    const body = buildErrorRateQuery(base) as { query: { bool: { filter: unknown[] } } };
    expect(body.query.bool.filter).toContainEqual({ exists: { field: "http.response.status_code" } });
    expect(body.query.bool.filter).toContainEqual({ range: { "@timestamp": { gte: base.from.getTime(), lt: base.to.getTime(), format: "epoch_millis" } } });
  });

  it("filters services only when asked", () => {
    const all = JSON.stringify(buildErrorRateQuery(base));
    const some = JSON.stringify(buildErrorRateQuery({ ...base, services: ["users"] }));
    expect(all).not.toContain('"terms":{"service.name"');
    expect(some).toContain('"terms":{"service.name":["users"]}');
  });

  it("uses the mapped field names", () => {
    const mapping = { ...ECS_FIELD_MAPPING, status: "status", service: "app", timestamp: "time" };
    const text = JSON.stringify(buildErrorRateQuery({ ...base, mapping }));
    expect(text).toContain('"field":"app"');
    expect(text).toContain('"status":{"gte":500}');
    expect(text).not.toContain("http.response.status_code");
  });

  it("asks for empty buckets across the whole range so gaps show", () => {
    const text = JSON.stringify(buildErrorRateQuery(base));
    expect(text).toContain('"min_doc_count":0');
    expect(text).toContain(`"extended_bounds":{"min":${base.from.getTime()},"max":${base.to.getTime() - 1}}`);
  });
});
