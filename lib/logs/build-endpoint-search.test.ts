import { describe, expect, it } from "vitest";
import { buildEndpointRecountSearch, buildEndpointSearch } from "./build-endpoint-search";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { routeTemplatePattern } from "./route-template";

const filter = [{ range: { "@timestamp": { gte: "2026-01-01T00:00:00Z", lt: "2026-01-01T01:00:00Z" } } }];

describe("buildEndpointSearch", () => {
  it("groups lines with a route template by it, and the others by raw path", () => {
    const aggs = buildEndpointSearch({ mapping: ECS_FIELD_MAPPING }, filter).aggs as Record<string, { filter: unknown; aggs: { by_method: { aggs: { by_path: { terms: { field: string; size: number } } } } } }>;
    expect(aggs.routed!.filter).toEqual({ exists: { field: "http.route" } });
    expect(aggs.routed!.aggs.by_method.aggs.by_path.terms).toMatchObject({ field: "http.route", size: 200 });
    expect(aggs.unrouted!.filter).toEqual({ bool: { must_not: [{ exists: { field: "http.route" } }] } });
    expect(aggs.unrouted!.aggs.by_method.aggs.by_path.terms).toMatchObject({ field: "url.path", size: 5_000 });
  });
});

describe("buildEndpointRecountSearch", () => {
  it("counts each endpoint in its own filters bucket: method, and its templates over route or path", () => {
    const body = buildEndpointRecountSearch({ mapping: ECS_FIELD_MAPPING }, filter, [{ method: "GET", templates: ["/api/users/{id}", "/api/users/{id}/"] }]);
    expect(body.query).toEqual({ bool: { filter } });
    const endpoints = (body.aggs as Record<string, { filters: { filters: Record<string, unknown> }; aggs: unknown }>).endpoints!;
    const pattern = `${routeTemplatePattern("/api/users/{id}")}|${routeTemplatePattern("/api/users/{id}/")}`;
    expect(endpoints.filters.filters).toEqual({
      "0": {
        bool: {
          filter: [{ term: { "http.request.method": "GET" } }],
          should: [
            { bool: { filter: [{ exists: { field: "http.route" } }, { regexp: { "http.route": { value: pattern } } }] } },
            { bool: { filter: [{ bool: { must_not: [{ exists: { field: "http.route" } }] } }, { regexp: { "url.path": { value: pattern } } }] } },
          ],
          minimum_should_match: 1,
        },
      },
    });
    expect(endpoints.aggs).toEqual({ server_errors: { filter: { range: { "http.response.status_code": { gte: 500 } } }, aggs: { services: { terms: { field: "service.name", size: 20 } } } } });
  });
});
