import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { timeParsers } from "./time-parsers";

const load = createLoader(timeParsers);

describe("timeParsers", () => {
  it("gives the defaults for an empty URL", () => {
    expect(load("")).toEqual({ from: "now-1h", to: "now", refresh: "off", tz: "utc" });
  });
  it("reads relative, rounded and absolute bounds", () => {
    expect(load("?from=now-1d%2Fd&to=2026-11-25T10:00:00.000Z&refresh=30s&tz=browser")).toEqual({
      from: "now-1d/d",
      to: "2026-11-25T10:00:00.000Z",
      refresh: "30s",
      tz: "browser",
    });
  });
  it("falls back to the default for values that do not parse", () => {
    expect(load("?from=garbage&to=tomorrow&refresh=7s&tz=mars")).toEqual({ from: "now-1h", to: "now", refresh: "off", tz: "utc" });
  });
  it("refuses bounds longer than the API accepts", () => {
    expect(load(`?from=2026-11-25T10:00:00${"0".repeat(80)}Z`).from).toBe("now-1h");
  });
});
