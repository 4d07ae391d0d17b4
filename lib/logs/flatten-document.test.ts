import { describe, expect, it } from "vitest";
import { flattenDocument, highlightTerms } from "./flatten-document";

describe("flattenDocument", () => {
  it("turns nested documents into sorted dotted pairs, keeping arrays whole", () => {
    expect(flattenDocument({ service: { name: "users" }, "@timestamp": "t", tags: ["a", "b"], http: { response: { status_code: 500 } } })).toEqual([
      ["@timestamp", "t"],
      ["http.response.status_code", 500],
      ["service.name", "users"],
      ["tags", ["a", "b"]],
    ]);
  });
});

describe("highlightTerms", () => {
  it("keeps words, phrases and field values; drops operators", () => {
    expect(highlightTerms('timeout AND service:payments NOT "connection reset" OR x')).toEqual(["timeout", "payments", "connection reset"]);
  });
  it("strips wildcards", () => {
    expect(highlightTerms("Payment*")).toEqual(["Payment"]);
  });
});
