import { describe, expect, it } from "vitest";
import { buildFieldCatalog } from "./field-catalog";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { checkSourceFields } from "./check-source-fields";

const catalog = (fields: string[], indices = ["logs-a"]) => buildFieldCatalog({ indices, fields: Object.fromEntries(fields.map((name) => [name, { keyword: { type: "keyword", aggregatable: true } }])) });

describe("checkSourceFields", () => {
  it("says when the pattern matches no index", () => {
    expect(checkSourceFields(catalog([], []), ECS_FIELD_MAPPING, "logs-x-*")).toEqual({ indexCount: 0, missing: [], problems: [expect.stringMatching(/^logs-x-\* matches no index/)] });
  });

  it("names the essential fields and correlation fields the indices lack", () => {
    const result = checkSourceFields(catalog(["@timestamp", "message"]), ECS_FIELD_MAPPING, "logs-a");
    expect(result.missing).toEqual(["service.name", "log.level", "http.request.id", "trace.id", "transaction.id"]);
    expect(result.problems).toEqual([expect.stringMatching(/names service\.name, log\.level/), expect.stringMatching(/None of the correlation fields/)]);
  });

  it("does not ask for correlation fields where statements carry sqlcommenter comments", () => {
    const postgres = { ...ECS_FIELD_MAPPING, sqlStatement: "postgresql.log.query", correlationIds: ["trace.id"] };
    expect(checkSourceFields(catalog(["@timestamp", "message", "service.name", "log.level", "postgresql.log.query"]), postgres, "pg-*").problems).toEqual([]);
  });

  it("is content with a mapping the indices serve, counting a keyword sub-field as its parent", () => {
    const mapping = { ...ECS_FIELD_MAPPING, service: "name.keyword", correlationIds: ["req.id"] };
    expect(checkSourceFields(catalog(["@timestamp", "message", "name", "log.level", "req.id"]), mapping, "logs-a")).toEqual({ indexCount: 1, missing: [], problems: [] });
  });
});
