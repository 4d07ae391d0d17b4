import { describe, expect, it } from "vitest";
import { patternOverlap } from "./pattern-overlap";

/** Does a concrete index name match a pattern? (The engines' own rule for `*`.) */
const matches = (pattern: string, name: string) => new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.\-]/g, "\\$&")).join(".*")}$`).test(name);

describe("patternOverlap", () => {
  it.each([
    ["logs-*", "logs-app-*"],
    ["logs-app-*", "logs-*"],
    ["logs-*-2026", "*-app-*"],
    ["logs-gateway", "logs-*"],
    ["*", "anything"],
    ["a*b*c", "*b*"],
    ["logs-pg", "logs-pg"],
  ])("%s and %s overlap, and the witness matches both", (first, second) => {
    const name = patternOverlap(first, second);
    expect(name).not.toBeNull();
    expect(matches(first, name!)).toBe(true);
    expect(matches(second, name!)).toBe(true);
  });

  it.each([
    ["logs-app-*", "logs-gateway-*"],
    ["logs-*-access", "logs-*-app"],
    ["pg-*", "logs-*"],
    ["logs-a", "logs-b"],
    ["a*", "b*"],
    ["*-x", "*-y"],
  ])("%s and %s never match the same index", (first, second) => {
    expect(patternOverlap(first, second)).toBeNull();
  });

  it("handles long patterns with many wildcards", () => {
    const long = `${"a*".repeat(120)}z`;
    expect(patternOverlap(long, `${"*b".repeat(120)}`)).toBeNull();
    expect(patternOverlap(long, "*z")).not.toBeNull();
  });
});
