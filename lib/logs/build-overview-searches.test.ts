import { describe, expect, it } from "vitest";
import { buildOverviewSearches, OVERVIEW_SEARCHES } from "./build-overview-searches";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { OVERVIEW_LIMITS } from "./overview-limits";

const input = {
  from: new Date("2026-11-25T09:00:00Z"),
  to: new Date("2026-11-25T10:00:00Z"),
  intervalLabel: "1m",
  services: [] as string[],
  environments: [] as string[],
  mapping: ECS_FIELD_MAPPING,
};

type Body = { query: { bool: { filter: unknown[] } }; aggs: Record<string, unknown> };
const text = (value: unknown) => JSON.stringify(value);

describe("buildOverviewSearches", () => {
  it("builds one search per panel group, in the order the verb reads them", () => {
    expect(Object.keys(buildOverviewSearches(input))).toEqual([...OVERVIEW_SEARCHES]);
  });

  it("counts with aggregations only: no documents, no scripts, no pipeline aggregations", () => {
    const all = text(buildOverviewSearches(input));
    for (const body of Object.values(buildOverviewSearches(input))) expect(body.size).toBe(0);
    expect(all).not.toMatch(/script|bucket_script|bucket_selector|runtime_mappings|top_hits|multi_terms/);
  });

  it("bounds every terms aggregation", () => {
    const sizes = [...text(buildOverviewSearches(input)).matchAll(/"terms":\{"field":"[^"]+","size":(\d+)/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...sizes)).toBe(OVERVIEW_LIMITS.endpointPathsPerMethod);
    expect(text(buildOverviewSearches(input).endpointServices)).toContain(`"composite":{"size":${OVERVIEW_LIMITS.failingPathServices}`);
  });

  it("nests paths under methods, not methods under paths (5x cheaper for the engine)", () => {
    const endpoints = text(buildOverviewSearches(input).endpoints);
    expect(endpoints.indexOf('"by_method"')).toBeLessThan(endpoints.indexOf('"by_path"'));
    expect(text(buildOverviewSearches(input).endpointServices)).toContain('"gte":500');
  });

  it("uses a half-open range, keeps request searches to lines with a status, and applies filters", () => {
    const searches = buildOverviewSearches({ ...input, services: ["users"], environments: ["production"] });
    const requests = searches.requests as Body;
    expect(requests.query.bool.filter).toContainEqual({ exists: { field: "http.response.status_code" } });
    expect(requests.query.bool.filter).toContainEqual({ range: { "@timestamp": { gte: input.from.getTime(), lt: input.to.getTime(), format: "epoch_millis" } } });
    for (const name of ["requests", "errorLines", "endpoints", "endpointServices"] as const) {
      expect(text(searches[name])).toContain('"terms":{"service.name":["users"]}');
      expect(text(searches[name])).toContain('"terms":{"service.environment":["production"]}');
    }
    expect(text(searches.errorLines)).not.toContain('"exists":{"field":"http.response.status_code"}');
  });

  it("leaves filters off the facet search so every choice stays visible", () => {
    const facets = buildOverviewSearches({ ...input, services: ["users"], environments: ["production"] }).facets as Body;
    expect(facets.query.bool.filter).toHaveLength(1);
  });

  it("matches ERROR and FATAL in any common case and vocabulary under the names scheme", () => {
    const errorLines = buildOverviewSearches(input).errorLines as Body;
    const filter = errorLines.query.bool.filter[1] as { terms: Record<string, string[]> };
    expect(filter.terms["log.level"]).toEqual(expect.arrayContaining(["ERROR", "error", "Error", "err", "FATAL", "fatal", "CRITICAL", "crit", "emerg", "alert", "panic", "DPANIC"]));
    expect(filter.terms["log.level"]).not.toContain("warn");
  });

  it("counts pino/bunyan numbers as ranges and syslog severities as numbers, never as names", () => {
    const pino = buildOverviewSearches({ ...input, mapping: { ...ECS_FIELD_MAPPING, level: "level", levelScheme: "pino" } }).errorLines as Body;
    expect(pino.query.bool.filter[1]).toEqual({ range: { level: { gte: 50 } } });
    expect(text(pino.aggs)).toContain('"filters":{"error":{"range":{"level":{"gte":50,"lt":60}}},"fatal":{"range":{"level":{"gte":60}}}}');
    const syslog = buildOverviewSearches({ ...input, mapping: { ...ECS_FIELD_MAPPING, level: "severity", levelScheme: "syslog" } }).errorLines as Body;
    expect(syslog.query.bool.filter[1]).toEqual({ terms: { severity: [0, 1, 2, 3] } });
    expect(text(syslog.aggs)).toContain('"filters":{"error":{"terms":{"severity":[3]}},"fatal":{"terms":{"severity":[0,1,2]}}}');
    expect(text(pino) + text(syslog)).not.toMatch(/ERROR|FATAL/);
  });

  it("reads the range as epoch milliseconds, which date, date_nanos and epoch-millis long fields all accept", () => {
    for (const body of Object.values(buildOverviewSearches(input))) expect(text(body)).not.toContain("2026-11-25T");
  });

  it("asks for empty buckets across the whole range and orders endpoint paths by 5xx", () => {
    const searches = buildOverviewSearches(input);
    expect(text(searches.requests)).toContain(`"extended_bounds":{"min":${input.from.getTime()},"max":${input.to.getTime() - 1}}`);
    expect(text(searches.endpoints)).toContain('"order":[{"server_errors":"desc"},{"_key":"asc"}]');
  });

  it("uses the mapped field names", () => {
    const mapping = { ...ECS_FIELD_MAPPING, service: "app", status: "status", path: "route", errorMessage: "exception.message" };
    const all = text(buildOverviewSearches({ ...input, mapping }));
    expect(all).toContain('"field":"app"');
    expect(all).toContain('"field":"route"');
    expect(all).toContain('"field":"exception.message.keyword"');
    expect(all).not.toContain("service.name");
  });
});
