import { describe, expect, it } from "vitest";
import { readSqlCommenter, stripSqlCommenter } from "./sqlcommenter";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

describe("readSqlCommenter", () => {
  it("reads traceparent and other tags from the trailing comment", () => {
    const tags = readSqlCommenter(`SELECT * FROM orders WHERE user_id = $1 /*action='list',request_id='req-42',traceparent='00-${TRACE}-${SPAN}-01'*/`);
    expect(tags).toEqual({ tags: { action: "list", request_id: "req-42", traceparent: `00-${TRACE}-${SPAN}-01` }, traceId: TRACE, spanId: SPAN });
  });

  it("decodes percent-encoded keys and values and backslash-escaped quotes", () => {
    const tags = readSqlCommenter("UPDATE t SET a = 1 /*route='%2Fapi%2Forders%2F%7Bid%7D',note='it\\'s',db%20driver='pg'*/;");
    expect(tags?.tags).toEqual({ route: "/api/orders/{id}", note: "it's", "db driver": "pg" });
  });

  it("ignores comments that are not last, not key='value' pairs, or badly encoded", () => {
    expect(readSqlCommenter("SELECT /*request_id='x'*/ 1")).toBeNull();
    expect(readSqlCommenter("SELECT 1 /* plain note */")).toBeNull();
    expect(readSqlCommenter("SELECT 1 /*a='%E0%A4%A'*/")).toBeNull();
    expect(readSqlCommenter("SELECT 1")).toBeNull();
    expect(readSqlCommenter("SELECT 1 /**/")).toBeNull();
  });

  it("keeps the tags but drops trace ids that W3C trace context calls invalid", () => {
    expect(readSqlCommenter(`SELECT 1 /*traceparent='00-${"0".repeat(32)}-${SPAN}-01'*/`)?.traceId).toBeNull();
    expect(readSqlCommenter(`SELECT 1 /*traceparent='ff-${TRACE}-${SPAN}-01'*/`)?.traceId).toBeNull();
    expect(readSqlCommenter(`SELECT 1 /*traceparent='00-${TRACE.toUpperCase()}-${SPAN}-01'*/`)?.traceId).toBe(TRACE);
    expect(readSqlCommenter("SELECT 1 /*traceparent='garbage'*/")).toMatchObject({ traceId: null, spanId: null, tags: { traceparent: "garbage" } });
  });

  it("reads a comment followed by whitespace and a terminator, across lines", () => {
    expect(readSqlCommenter("SELECT 1\n/*request_id='r1'*/ ;\n")?.tags).toEqual({ request_id: "r1" });
  });

  it("refuses unterminated and oversized comments", () => {
    expect(readSqlCommenter(`SELECT 1 /*${"a='".repeat(20_000)}`)).toBeNull();
    expect(readSqlCommenter(`SELECT 1 /*${"k='v',".repeat(1_000)}*/`)).toBeNull(); // longer than the 4 KB cap
    expect(readSqlCommenter("SELECT '*/' /*a='1'*/")?.tags).toEqual({ a: "1" });
  });
});

describe("stripSqlCommenter", () => {
  it("removes only a sqlcommenter comment", () => {
    expect(stripSqlCommenter("SELECT 1 /*request_id='r1'*/")).toBe("SELECT 1");
    expect(stripSqlCommenter("SELECT 1 /* keep me */")).toBe("SELECT 1 /* keep me */");
  });
});
