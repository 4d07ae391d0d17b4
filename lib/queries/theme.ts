import { mutationOptions } from "@tanstack/react-query";
import type { ThemePreference } from "@/lib/theme/theme-preference";
import { sendJson } from "./send-json";

/** Remembers the theme for this user (Postgres) and this browser (the cookie the answer sets). */
export const setThemeMutationOptions = () =>
  mutationOptions({
    mutationKey: ["me", "theme"],
    mutationFn: (theme: ThemePreference) => sendJson<{ theme: ThemePreference }>("PUT", "/api/me/theme", { theme }),
  });
