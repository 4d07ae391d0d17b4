import { parseAsArrayOf, parseAsInteger, parseAsNativeArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { timeParsers } from "./time-parsers";
import { describeUrlStateProblems, validateUrlState } from "./validate-url-state";

const parsers = {
  ...timeParsers,
  status: parseAsArrayOf(parseAsStringLiteral(["2xx", "3xx", "4xx", "5xx"] as const)).withDefault([]),
  service: parseAsArrayOf(parseAsString).withDefault([]),
  page: parseAsInteger.withDefault(1),
  level: parseAsNativeArrayOf(parseAsStringLiteral(["error", "warn"] as const)),
};

const check = (query: string, urlKeys?: Record<string, string>) => validateUrlState(parsers, new URLSearchParams(query), urlKeys);

describe("validateUrlState", () => {
  it("finds nothing wrong with an empty or valid URL", () => {
    expect(check("")).toEqual([]);
    expect(check("from=now-15m&to=now&refresh=5s&tz=browser&status=5xx,4xx&service=users&page=2&level=error&level=warn")).toEqual([]);
  });
  it("names every value nuqs would silently replace by its default", () => {
    expect(check("from=garbage&refresh=7s&page=two")).toEqual([
      { stateKey: "from", urlKey: "from", value: "garbage" },
      { stateKey: "refresh", urlKey: "refresh", value: "7s" },
      { stateKey: "page", urlKey: "page", value: "two" },
    ]);
  });
  it("flags a list that lost items, even though the rest parsed", () => {
    expect(check("status=5xx,7xx")).toEqual([{ stateKey: "status", urlKey: "status", value: "5xx,7xx" }]);
    expect(check("level=error&level=loud")).toEqual([{ stateKey: "level", urlKey: "level", value: "error,loud" }]);
  });
  it("reads renamed keys through urlKeys", () => {
    expect(check("t=garbage", { tz: "t" })).toEqual([{ stateKey: "tz", urlKey: "t", value: "garbage" }]);
  });
  it("shortens long values and writes one readable sentence", () => {
    const [problem] = check(`from=${"x".repeat(100)}`);
    expect(problem!.value).toHaveLength(41);
    expect(describeUrlStateProblems([{ stateKey: "from", urlKey: "from", value: "garbage" }, { stateKey: "refresh", urlKey: "refresh", value: "7s" }])).toBe(
      'Some settings in this link could not be read (from "garbage", refresh "7s"); defaults are shown.',
    );
  });
});
