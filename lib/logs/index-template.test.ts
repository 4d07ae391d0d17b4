import { describe, expect, it } from "vitest";
import { buildLogIndexTemplate, LOG_INDEX_TEMPLATE_NAME, LOG_INDEX_TEMPLATE_PRIORITY } from "./index-template";

type Mapping = { type?: string; ignore_above?: number; fields?: Record<string, Mapping>; properties?: Record<string, Mapping> };

/** Follows "a.b.c" through nested properties. */
function field(properties: Record<string, Mapping>, dotted: string): Mapping | undefined {
  const [head, ...rest] = dotted.split(".");
  const node = properties[head!];
  return rest.length === 0 ? node : node?.properties && field(node.properties, rest.join("."));
}

describe("buildLogIndexTemplate", () => {
  const template = buildLogIndexTemplate();
  const properties = (template.mappings as { properties: Record<string, Mapping> }).properties;

  it("targets the default pattern, or the one given", () => {
    expect(LOG_INDEX_TEMPLATE_NAME).toBe("triage-logs");
    expect(template.indexPatterns).toEqual(["logs-triage-*"]);
    expect(buildLogIndexTemplate("app-logs-*").indexPatterns).toEqual(["app-logs-*"]);
  });

  it("uses one shard, no replicas, a 1 s refresh and a priority above built-in logs templates", () => {
    expect(template.settings).toEqual({ number_of_shards: 1, number_of_replicas: 0, refresh_interval: "1s" });
    expect(template.priority).toBe(LOG_INDEX_TEMPLATE_PRIORITY);
    expect(LOG_INDEX_TEMPLATE_PRIORITY).toBeGreaterThan(100);
  });

  it.each([
    "http.request.id", "trace.id", "transaction.id", "span.id", "parent.id", "user.id",
    "service.name", "service.environment", "log.level", "http.request.method", "url.path", "error.type", "host.name",
  ])("maps %s as keyword", (name) => {
    expect(field(properties, name)?.type).toBe("keyword");
  });

  it("maps numbers, time and free text", () => {
    expect(field(properties, "http.response.status_code")?.type).toBe("long");
    expect(field(properties, "event.duration")?.type).toBe("long");
    expect(field(properties, "@timestamp")?.type).toBe("date");
    expect(field(properties, "message")).toEqual({ type: "text", fields: { keyword: { type: "keyword", ignore_above: 1024 } } });
    expect(field(properties, "error.message")).toMatchObject({ type: "text", fields: { keyword: { type: "keyword" } } });
    expect(field(properties, "error.stack_trace")).toEqual({ type: "text" });
    expect(field(properties, "db.statement")).toEqual({ type: "text", fields: { keyword: { type: "keyword", ignore_above: 2048 } } });
  });

  it("nests dotted names as object properties", () => {
    expect(Object.keys(properties).sort()).toEqual(["@timestamp", "db", "error", "event", "host", "http", "log", "message", "parent", "service", "span", "trace", "transaction", "url", "user"]);
    expect(Object.keys(field(properties, "http.request")?.properties ?? {})).toEqual(["id", "method"]);
  });

  it("maps unknown strings to keyword and avoids types the test distribution lacks", () => {
    expect(template.mappings).toMatchObject({
      dynamic: true,
      dynamic_templates: [{ strings_as_keywords: { match_mapping_type: "string", mapping: { type: "keyword" } } }],
    });
    const json = JSON.stringify(template);
    for (const unsupported of ["match_only_text", "wildcard", "data_stream", "flattened"]) expect(json).not.toContain(unsupported);
  });
});
