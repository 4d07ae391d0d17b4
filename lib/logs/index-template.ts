import { DEFAULT_INDEX_PATTERN } from "./field-mapping";

export const LOG_INDEX_TEMPLATE_NAME = "triage-logs";

/**
 * Above the built-in `logs-*-*` template (priority 100) of full Elasticsearch distributions, which
 * would otherwise turn logs-triage-* into data streams; equal priorities on overlapping patterns are refused.
 */
export const LOG_INDEX_TEMPLATE_PRIORITY = 200;

export interface LogIndexTemplate {
  indexPatterns: string[];
  mappings: Record<string, unknown>;
  settings: Record<string, unknown>;
  priority: number;
}

const keyword = { type: "keyword", ignore_above: 1024 };

/** ECS fields of DESIGN.md's log schema, by dotted name. */
const fields: Record<string, Record<string, unknown>> = {
  "@timestamp": { type: "date" },
  message: { type: "text", fields: { keyword } },
  "log.level": { type: "keyword" },
  "service.name": { type: "keyword" },
  "service.environment": { type: "keyword" },
  "host.name": { type: "keyword" },
  "http.request.id": { type: "keyword" },
  "http.request.method": { type: "keyword" },
  "http.response.status_code": { type: "long" },
  "http.route": { type: "keyword" },
  "url.path": { type: "keyword" },
  "trace.id": { type: "keyword" },
  "transaction.id": { type: "keyword" },
  "span.id": { type: "keyword" },
  "parent.id": { type: "keyword" },
  "user.id": { type: "keyword" },
  "event.duration": { type: "long" },
  "error.type": { type: "keyword" },
  "error.message": { type: "text", fields: { keyword } },
  "error.stack_trace": { type: "text" },
  "db.statement": { type: "text", fields: { keyword: { type: "keyword", ignore_above: 2048 } } },
};

/**
 * Plain types both engines and the stripped Elasticsearch test distribution know (no
 * match_only_text, wildcard or data streams). Unknown strings become keywords, not text+keyword.
 */
export function buildLogIndexTemplate(indexPattern: string = DEFAULT_INDEX_PATTERN, extraFields: Record<string, Record<string, unknown>> = {}, options: { ecs?: boolean } = {}): LogIndexTemplate {
  return {
    indexPatterns: [indexPattern],
    priority: LOG_INDEX_TEMPLATE_PRIORITY,
    settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: "1s" },
    mappings: {
      dynamic: true,
      dynamic_templates: [{ strings_as_keywords: { match_mapping_type: "string", mapping: keyword } }],
      // Without the ECS fields for logs that have none: a declared @timestamp would show up in their _field_caps.
      properties: nestProperties({ ...(options.ecs === false ? {} : fields), ...extraFields }),
    },
  };
}

/** A text field that can also be counted and filtered exactly. */
export const TEXT_WITH_KEYWORD = { type: "text", fields: { keyword } };

/** "http.request.id" -> { http: { properties: { request: { properties: { id } } } } }. */
function nestProperties(flat: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [dotted, mapping] of Object.entries(flat)) {
    const parts = dotted.split(".");
    const leaf = parts.pop()!;
    let level = root;
    for (const part of parts) {
      const object = (level[part] ??= { properties: {} }) as { properties: Record<string, unknown> };
      level = object.properties;
    }
    level[leaf] = mapping;
  }
  return root;
}
