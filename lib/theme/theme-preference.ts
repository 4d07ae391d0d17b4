/**
 * The user's theme: "system" follows prefers-color-scheme; "light" and "dark" override it. Stored
 * per user in Postgres and mirrored in a cookie, so the server renders the chosen theme from the
 * first byte (no flash of the other one).
 */
export const THEME_PREFERENCES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export const THEME_COOKIE = "triage_theme";

/** Anything unknown (an old or hand-edited cookie) is "system". */
export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return (THEME_PREFERENCES as readonly string[]).includes(value ?? "") ? (value as ThemePreference) : "system";
}

/** The `data-theme` attribute for <html>: none for "system", so the CSS follows the media query. */
export function themeAttribute(preference: ThemePreference): "light" | "dark" | undefined {
  return preference === "system" ? undefined : preference;
}
