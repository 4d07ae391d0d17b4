import { describe, expect, it } from "vitest";
import { buildFieldValuesQuery } from "./build-log-page-query";
import { buildFailingPathServicesSearch } from "./build-endpoint-search";
import { ECS_FIELD_MAPPING } from "./field-mapping";
import { DEFAULT_REDACTION_RULES } from "./redact";
import { redactSearchResult } from "./redact-search-result";

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl";
const rules = DEFAULT_REDACTION_RULES;
const noHits = { took: 1, total: 0, hits: [] };

describe("redactSearchResult", () => {
  it("turns the terms keys of a secret field into markers", () => {
    const body = buildFieldValuesQuery([], "http.request.headers.authorization");
    const aggregations = { values: { buckets: [{ key: `Bearer ${JWT}`, doc_count: 3 }], sum_other_doc_count: 0 } };
    expect(redactSearchResult(body, { ...noHits, aggregations }, rules).aggregations).toEqual({ values: { buckets: [{ key: "[REDACTED auth-header]", doc_count: 3 }], sum_other_doc_count: 0 } });
  });

  it("redacts secrets inside the keys of ordinary fields, numbers and key_as_string included", () => {
    const body = { aggs: { q: { terms: { field: "url.query" } }, pan: { terms: { field: "payment.reference" } } } };
    const aggregations = {
      q: { buckets: [{ key: "page=2&api_key=tk_live_abc", doc_count: 2 }, { key: "page=1", doc_count: 1 }] },
      pan: { buckets: [{ key: 4111111111111111, key_as_string: "4111111111111111", doc_count: 1 }, { key: 42, doc_count: 9 }] },
    };
    expect(redactSearchResult(body, { ...noHits, aggregations }, rules).aggregations).toEqual({
      q: { buckets: [{ key: "page=2&api_key=[REDACTED secret-param]", doc_count: 2 }, { key: "page=1", doc_count: 1 }] },
      pan: { buckets: [{ key: "[REDACTED card ••••1111]", key_as_string: "[REDACTED card ••••1111]", doc_count: 1 }, { key: 42, doc_count: 9 }] },
    });
  });

  it("follows sub-aggregations under histograms and filters, whose own keys stay as asked", () => {
    const body = {
      aggs: {
        over_time: {
          date_histogram: { field: "@timestamp", fixed_interval: "1m" },
          aggs: { classes: { filters: { filters: { "5xx": {} } }, aggs: { paths: { terms: { field: "url.path" } } } } },
        },
      },
    };
    const bucket = { key: 1718000000000, key_as_string: "2024-06-10T06:13:20.000Z", doc_count: 4, classes: { buckets: { "5xx": { doc_count: 4, paths: { buckets: [{ key: `/magic/${JWT}`, doc_count: 4 }] } } } } };
    const redacted = redactSearchResult(body, { ...noHits, aggregations: { over_time: { buckets: [bucket] } } }, rules).aggregations as { over_time: { buckets: (typeof bucket)[] } };
    expect(redacted.over_time.buckets[0]).toEqual({ ...bucket, classes: { buckets: { "5xx": { doc_count: 4, paths: { buckets: [{ key: "/magic/[REDACTED jwt]", doc_count: 4 }] } } } } });
  });

  it("redacts composite keys per source, after_key included", () => {
    const body = buildFailingPathServicesSearch({ mapping: ECS_FIELD_MAPPING }, []);
    const key = { path: "/pay?token=abc", service: "payments" };
    const aggregations = { failing: { after_key: key, buckets: [{ key, doc_count: 1 }] } };
    const clean = { path: "/pay?token=[REDACTED secret-param]", service: "payments" };
    expect(redactSearchResult(body, { ...noHits, aggregations }, rules).aggregations).toEqual({ failing: { after_key: clean, buckets: [{ key: clean, doc_count: 1 }] } });
  });

  it("redacts top_hits sources and aggregations it has no definition for", () => {
    const body = { aggs: { latest: { top_hits: { size: 1 } } } };
    const aggregations = {
      latest: { hits: { total: { value: 1 }, hits: [{ _id: "1", _index: "i", _source: { password: "p", message: `Bearer ${JWT}` } }] } },
      surprise: { buckets: [{ key: "secret=s3cr3t", doc_count: 1 }] },
    };
    expect(redactSearchResult(body, { ...noHits, aggregations }, rules).aggregations).toEqual({
      latest: { hits: { total: { value: 1 }, hits: [{ _id: "1", _index: "i", _source: { password: "[REDACTED secret-field]", message: "Bearer [REDACTED bearer]" }, redactions: 2 }] } },
      surprise: { buckets: [{ key: "secret=[REDACTED secret-param]", doc_count: 1 }] },
    });
  });

  it("redacts hit sources, highlights and fields, counts per hit, and leaves sort values as the engine sent them", () => {
    const hit = {
      _index: "logs",
      _id: "a",
      sort: [1718000000000, 7],
      _source: { message: "login password: hunter2", http: { request: { headers: { authorization: "Basic Zm9vOmJhcg==" } } } },
      highlight: { "http.request.headers.authorization": ["<em>Basic</em> Zm9vOmJhcg=="], message: ["password: <em>hunter2</em>"] },
      fields: { "user.token": ["t0k3n"] },
    };
    const [redacted] = redactSearchResult({ query: {} }, { ...noHits, total: 1, hits: [hit] }, rules).hits;
    expect(redacted).toEqual({
      _index: "logs",
      _id: "a",
      sort: [1718000000000, 7],
      _source: { message: "login password: [REDACTED secret-text]", http: { request: { headers: { authorization: "[REDACTED auth-header]" } } } },
      highlight: { "http.request.headers.authorization": "[REDACTED auth-header]", message: ["password: [REDACTED secret-text]"] },
      fields: { "user.token": "[REDACTED secret-field]" },
      redactions: 2,
    });
  });

  it("passes everything through, counted as nothing, with redaction off", () => {
    const result = { ...noHits, total: 1, hits: [{ _index: "i", _id: "1", _source: { password: "p" } }], aggregations: { a: { buckets: [{ key: "token=x" }] } } };
    expect(redactSearchResult({}, result, [])).toEqual({ ...result, hits: [{ ...result.hits[0], redactions: 0 }] });
  });
});
