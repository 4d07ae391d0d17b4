import { describe, expect, it } from "vitest";
import { buildFieldCatalog } from "./field-catalog";
import { DEFAULT_REDACTION_RULES, parseRedactionRules } from "./redact";
import { describeSecretFieldUse, findSecretQueryField, secretFieldUse, withoutSecretFields } from "./secret-fields";

const keyword = { keyword: { type: "keyword", aggregatable: true } };
const text = { text: { type: "text", aggregatable: false } };
const catalog = buildFieldCatalog({
  indices: ["logs-a"],
  fields: {
    message: text,
    "error.message": text,
    "url.query": keyword,
    "http.request.headers.authorization": keyword,
    "http.request.headers.accept": keyword,
    "http.request.headers.x-internal-route": keyword,
    "user.session_id": keyword,
    "user.id": keyword,
    "http.request.header_list.name": keyword,
    "http.request.header_list.value": keyword,
  },
});
const rules = DEFAULT_REDACTION_RULES;
const find = (query: string) => findSecretQueryField(query, catalog, rules);

describe("findSecretQueryField", () => {
  it("refuses a query that names a secret field, its sub-field, or a secret-named field the index lacks", () => {
    expect(find("http.request.headers.authorization:Bearer\\ eyJa*")).toEqual({ field: "http.request.headers.authorization", secret: "http.request.headers.authorization", rule: "auth-header", column: 1 });
    expect(find("service.name:a AND http.request.headers.authorization.keyword:x")).toMatchObject({ field: "http.request.headers.authorization.keyword", column: 20 });
    expect(find("NOT user.session_id:[a TO b]")).toMatchObject({ rule: "secret-field", column: 5 });
    expect(find("(db.password:/hun.*/)")).toMatchObject({ field: "db.password", column: 2 });
    expect(find("http.request.headers.x\\-api\\-key:k*")).toMatchObject({ field: "http.request.headers.x-api-key", rule: "auth-header" });
  });

  it("refuses field patterns that cover a secret field of the index", () => {
    expect(find("http.request.headers.\\*:Bearer*")).toEqual({ field: "http.request.headers.*", secret: "http.request.headers.authorization", rule: "auth-header", column: 1 });
    expect(find("\\*auth\\*:Bearer*")).toMatchObject({ secret: "http.request.headers.authorization" });
    expect(find("-*:Bearer*")).toMatchObject({ field: "*", column: 2 });
    expect(find("user.\\*:abc")).toMatchObject({ secret: "user.session_id" });
    expect(find("url.\\*:abc")).toBeNull();
  });

  it("refuses the value half of header lists logged as name/value pairs, whose values lost their names in the index", () => {
    expect(find("http.request.header_list.value:session*")).toMatchObject({ rule: "secret-pair" });
    expect(find("http.request.header_list.value.keyword:x")).toMatchObject({ rule: "secret-pair" });
    expect(find("http.request.header_list.name:Cookie")).toBeNull();
    expect(find("metric.value:5")).toBeNull();
  });

  it("allows _exists_, ordinary fields, bare terms and phrases that mention secret names", () => {
    for (const query of ["_exists_:http.request.headers.authorization", "url.query:page\\=2*", 'message:"authorization: failed"', "authorization failed", "user.id:42"]) expect(find(query), query).toBeNull();
  });

  it("knows user field rules, and nothing with redaction off", () => {
    const withInternal = [...rules, ...parseRedactionRules('[{"name":"internal","field":"^x-internal-"}]')];
    expect(findSecretQueryField("http.request.headers.x-internal-route:blue", catalog, withInternal)).toMatchObject({ rule: "internal" });
    expect(findSecretQueryField("http.request.headers.authorization:x", catalog, [])).toBeNull();
  });
});

describe("secretFieldUse and describeSecretFieldUse", () => {
  it("says why, for a field and for a pattern", () => {
    expect(describeSecretFieldUse(secretFieldUse("http.request.headers.authorization", catalog, rules)!)).toBe(
      "http.request.headers.authorization is a secret field (redaction rule auth-header): its values are redacted, so it cannot be searched, filtered or counted",
    );
    expect(describeSecretFieldUse({ ...secretFieldUse("http.*", catalog, rules)!, column: 3 })).toBe(
      "the field pattern http.* (column 3) covers the secret field http.request.headers.authorization (redaction rule auth-header): name the fields to search instead",
    );
    expect(secretFieldUse("url.query", catalog, rules)).toBeNull();
  });
});

describe("withoutSecretFields", () => {
  it("drops secret names and expands patterns that cover a secret field into the fields they may search", () => {
    expect(withoutSecretFields(["message", "http.request.headers.authorization", "error.message"], catalog, rules)).toEqual(["message", "error.message"]);
    expect(withoutSecretFields(["http.request.headers.*"], catalog, rules)).toEqual(["http.request.headers.accept", "http.request.headers.x-internal-route"]);
    expect(withoutSecretFields(["*"], catalog, rules)).toEqual(["message", "error.message", "url.query", "http.request.headers.accept", "http.request.headers.x-internal-route", "user.id", "http.request.header_list.name"]);
  });

  it("keeps patterns that cover no secret field as they are", () => {
    expect(withoutSecretFields(["error.*", "message"], catalog, rules)).toEqual(["error.*", "message"]);
    expect(withoutSecretFields(["*"], catalog, [])).toEqual(["*"]);
  });
});
