"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { setThemeMutationOptions } from "@/lib/queries/theme";
import { parseThemePreference, THEME_PREFERENCES, themeAttribute, type ThemePreference } from "@/lib/theme/theme-preference";

const LABELS: Record<ThemePreference, string> = { system: "System theme", light: "Light", dark: "Dark" };

/** Light, dark or the system's; applied at once, then remembered for the user on the server. */
export function ThemeToggle({ initial }: { initial: ThemePreference }) {
  const [theme, setTheme] = useState(initial);
  const save = useMutation(setThemeMutationOptions());
  const choose = (next: ThemePreference) => {
    setTheme(next);
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
    save.mutate(next);
  };
  return (
    <span className="theme-toggle">
      <select aria-label="Theme" value={theme} onChange={(event) => choose(parseThemePreference(event.target.value))}>
        {THEME_PREFERENCES.map((option) => <option key={option} value={option}>{LABELS[option]}</option>)}
      </select>
      {save.error ? <span role="alert" className="error-text">Theme not saved: {save.error.message}</span> : null}
    </span>
  );
}
