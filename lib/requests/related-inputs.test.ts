import { describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { hintedSearches, readRequestFacts, settleRelatedInputs } from "./related-inputs";
import type { RequestLogInput } from "./read-log-fields";

const at = (ms: number) => new Date(Date.parse("2025-06-01T12:00:00.000Z") + ms).toISOString();
const lines: RequestLogInput[] = [
  { id: "1", source: { "@timestamp": at(0), service: { name: "gateway" }, user: { id: "42" }, message: "routing" } },
  { id: "2", source: { "@timestamp": at(300), service: { name: "payments" }, user: { id: "42" }, span: { id: "p" }, parent: { id: "g" }, http: { request: { method: "POST" }, response: { status_code: 504 } }, url: { path: "/payments/charge" }, event: { duration: 200e6 } } },
  { id: "3", source: { "@timestamp": at(400), service: { name: "gateway" }, user: { id: "42" }, span: { id: "g" }, http: { request: { method: "POST" }, response: { status_code: 502 } }, url: { path: "/api/checkout" }, event: { duration: 400e6 } } },
];
const facts = readRequestFacts(lines, ECS_FIELD_MAPPING);

describe("readRequestFacts", () => {
  it("reads users, every hop's endpoint, the entry endpoint and the span of the request", () => {
    expect(facts).toEqual({
      userIds: ["42"],
      endpoints: [{ method: "POST", path: "/payments/charge" }, { method: "POST", path: "/api/checkout" }],
      entry: { method: "POST", path: "/api/checkout" },
      startMs: Date.parse(at(0)),
      endMs: Date.parse(at(400)),
    });
  });
});

describe("hintedSearches and settleRelatedInputs", () => {
  const around = new Date(at(300));

  it("runs the same-user search early only with a time to centre it on", () => {
    expect(hintedSearches({ user: "42" })).toEqual({ user: null, endpoint: null });
    expect(hintedSearches({ user: "42", around, method: "POST", path: "/x" })).toEqual({ user: "42", endpoint: { method: "POST", path: "/x" } });
  });

  it("keeps hints the lines confirm, including the endpoint of a hop other than the entry", () => {
    expect(settleRelatedInputs({ user: "42", around, method: "POST", path: "/payments/charge" }, facts)).toEqual({
      user: { value: "42", at: around, hinted: true },
      endpoint: { value: { method: "POST", path: "/payments/charge" }, hinted: true },
    });
  });

  it("replaces a contradicted or missing hint with what the lines say", () => {
    expect(settleRelatedInputs({ user: "7", around, method: "GET", path: "/api/checkout" }, facts)).toEqual({
      user: { value: "42", at: new Date(at(0)), hinted: false },
      endpoint: { value: { method: "POST", path: "/api/checkout" }, hinted: false },
    });
    // A user hint centred far from the request would search the wrong minutes.
    const farAway = settleRelatedInputs({ user: "42", around: new Date(at(3_600_000)) }, facts);
    expect(farAway.user).toEqual({ value: "42", at: new Date(at(0)), hinted: false });
    expect(settleRelatedInputs({}, readRequestFacts([], ECS_FIELD_MAPPING))).toEqual({ user: null, endpoint: null });
  });
});
