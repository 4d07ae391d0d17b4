import { describe, expect, it } from "vitest";
import { checkQuerySyntax } from "./check-query-syntax";

describe("checkQuerySyntax", () => {
  it.each([
    "",
    "timeout",
    'message:"connection reset"',
    "status:[500 TO 599]",
    "status:[500 TO 600}",
    "service:(users OR orders) AND NOT level:DEBUG",
    "url.path:\\/api\\/users*",
    "error.type:Payment*",
    '"a (quoted) paren"',
  ])("accepts %j", (query) => {
    expect(checkQuerySyntax(query)).toEqual({ ok: true });
  });

  it.each([
    ["status:500 OR", 12, /ends with OR/],
    ["status:(500 OR 502", 8, /"\(" is never closed/],
    ["a) b", 2, /unexpected "\)"/],
    ['message:"open', 9, /quote is never closed/],
    ["message:*timeout", 9, /leading wildcards/],
    ["AND users", 1, /starts with AND/],
    ["service:", 8, /no value/],
  ])("refuses %j at column %i", (query, column, message) => {
    const result = checkQuerySyntax(query);
    expect(result).toMatchObject({ ok: false, column });
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
