import { NextResponse, type NextRequest } from "next/server";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/lib/request-id";
import { logger } from "@/lib/server/logger";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";

const SESSION_COOKIE = "triage_session";
// Pages anyone may open; everything else needs a session (checked for real on the server).
const PUBLIC_PAGES = ["/login"];

/**
 * Runs before every request: gives it an id (the caller's X-Request-ID when it looks like
 * one), sets the security headers with a fresh CSP nonce, and sends visitors without a
 * session cookie to the login page, remembering where they were going.
 */
export function proxy(request: NextRequest) {
  const requestId = acceptOrCreateRequestId(request.headers.get(REQUEST_ID_HEADER));
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  // API routes log themselves with status and duration (withRoute); pages are logged here.
  if (!isApi) logger.info({ http: { request: { id: requestId, method: request.method } }, url: { path: pathname } }, `${request.method} ${pathname}`);
  const hasSessionHint = request.cookies.has(SESSION_COOKIE) || request.headers.has("authorization") || request.headers.has(process.env.AUTH_PROXY_HEADER || "x-no-proxy-header");

  if (!isApi && !PUBLIC_PAGES.includes(pathname) && !hasSessionHint) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", safeNextPath(`${pathname}${search}`, request.nextUrl.origin));
    const redirect = NextResponse.redirect(login);
    redirect.headers.set(REQUEST_ID_HEADER, requestId);
    return redirect;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: (process.env.APP_URL ?? "").startsWith("https://") });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("x-triage-path", `${pathname}${search}`);
  headers.set("x-nonce", nonce);
  if (!isApi) headers.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (!isApi) response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files from public/ are served to anyone, without a session or a request log line.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
