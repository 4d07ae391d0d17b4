import "server-only";

export const SESSION_COOKIE = "triage_session";

/** http-only and SameSite=Lax always; Secure whenever the app is reached over HTTPS. */
export function sessionCookieOptions(secure: boolean, expires: Date) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", expires };
}

export function isSecureRequest(request: Request, appUrl?: string): boolean {
  if (appUrl) return appUrl.startsWith("https://");
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}
