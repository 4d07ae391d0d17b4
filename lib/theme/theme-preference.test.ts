import { describe, expect, it } from "vitest";
import { parseThemePreference, themeAttribute } from "./theme-preference";

describe("theme preference", () => {
  it("reads the three choices and treats anything else as the system's", () => {
    expect(parseThemePreference("light")).toBe("light");
    expect(parseThemePreference("dark")).toBe("dark");
    expect(parseThemePreference("system")).toBe("system");
    expect(parseThemePreference("Dark")).toBe("system");
    expect(parseThemePreference(undefined)).toBe("system");
    expect(parseThemePreference("")).toBe("system");
  });

  it("sets data-theme only for an explicit choice", () => {
    expect(themeAttribute("system")).toBeUndefined();
    expect(themeAttribute("light")).toBe("light");
  });
});
