import { describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { addFieldClause, escapeQueryTerm, findQueryFieldRefs, findQueryFields, resolveQueryFields } from "./query-fields";

describe("findQueryFields", () => {
  it("finds field names with their columns", () => {
    expect(findQueryFields('service.name:users AND (log.level:ERROR OR -http.response.status_code:500) message:"a:b"')).toEqual([
      { field: "service.name", column: 1 },
      { field: "log.level", column: 25 },
      { field: "http.response.status_code", column: 45 },
      { field: "message", column: 76 },
    ]);
  });

  it("ignores colons inside phrases, ranges, regular expressions and escapes", () => {
    expect(findQueryFields('"at 12:30" @timestamp:[2024-01-01T00:00:00 TO 2024-01-02T00:00:00] url.path:/a:b/ http\\://x')).toEqual([
      { field: "@timestamp", column: 12 },
      { field: "url.path", column: 68 },
    ]);
  });

  it("skips _exists_ and wildcard field patterns; unescapes names", () => {
    expect(findQueryFields("_exists_:error.type http.*:500 my\\-field:1")).toEqual([{ field: "my-field", column: 32 }]);
  });
});

describe("findQueryFieldRefs", () => {
  it("also returns field patterns, escaped or the bare *, but never _exists_", () => {
    expect(findQueryFieldRefs("_exists_:a http.request.headers.\\*:x -*:y b:1")).toEqual([
      { field: "http.request.headers.*", column: 12, pattern: true },
      { field: "*", column: 39, pattern: true },
      { field: "b", column: 43, pattern: false },
    ]);
  });
});

describe("addFieldClause", () => {
  it("adds an include or exclude clause with quoting and escaping", () => {
    expect(addFieldClause("", "service.name", "users")).toBe('service.name:"users"');
    expect(addFieldClause("timeout", "service.name", 'a "b" \\c', true)).toBe('timeout AND NOT service.name:"a \\"b\\" \\\\c"');
    expect(addFieldClause("a OR b", "log.level", "ERROR")).toBe('(a OR b) AND log.level:"ERROR"');
  });

  it("does not repeat a clause and flips include to exclude in place", () => {
    const included = addFieldClause("x", "log.level", "ERROR");
    expect(addFieldClause(included, "log.level", "ERROR")).toBe(included);
    expect(addFieldClause(included, "log.level", "ERROR", true)).toBe('x AND NOT log.level:"ERROR"');
    expect(addFieldClause('NOT log.level:"ERROR"', "log.level", "ERROR")).toBe('log.level:"ERROR"');
  });

  it("escapes Lucene's special characters in names", () => {
    expect(escapeQueryTerm("a/b c:d")).toBe("a\\/b\\ c\\:d");
  });
});

describe("resolveQueryFields", () => {
  it("uses the configured list, else the message and error fields of the mapping", () => {
    expect(resolveQueryFields({ mapping: ECS_FIELD_MAPPING })).toEqual(["message", "error.message", "error.type"]);
    expect(resolveQueryFields({ mapping: ECS_FIELD_MAPPING, defaultQueryFields: ["msg"] })).toEqual(["msg"]);
    expect(resolveQueryFields({ mapping: ECS_FIELD_MAPPING, defaultQueryFields: [] })).toEqual(["message", "error.message", "error.type"]);
  });
});
