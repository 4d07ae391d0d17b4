import "server-only";
import type { NextResponse } from "next/server";
import { THEME_COOKIE, type ThemePreference } from "@/lib/theme/theme-preference";

const ONE_YEAR_SECONDS = 365 * 86_400;

/** Readable by the page (not http-only): it only says light or dark, and the toggle mirrors it. */
export function setThemeCookie(response: NextResponse, theme: ThemePreference, secure: boolean): NextResponse {
  response.cookies.set(THEME_COOKIE, theme, { sameSite: "lax", secure, path: "/", maxAge: ONE_YEAR_SECONDS });
  return response;
}
