import "server-only";
import { getEnv } from "../env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isMutation(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The origin this app is served from: APP_URL when set, else what the request was addressed to. */
export function appOrigin(headers: Headers, requestUrl?: string): string {
  const appUrl = getEnv().APP_URL;
  if (appUrl) return new URL(appUrl).origin;
  const fallback = requestUrl ? new URL(requestUrl) : undefined;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? fallback?.host ?? "localhost";
  const proto = headers.get("x-forwarded-proto") ?? fallback?.protocol.replace(":", "") ?? "http";
  return `${proto}://${host}`;
}

const expectedOrigin = (request: Request) => appOrigin(request.headers, request.url);

/**
 * Browser mutations must say where they come from, and it must be us: on top of SameSite
 * cookies this stops cross-site form posts and fetches. Requests without ambient
 * credentials (API tokens) are exempt, because a foreign page cannot make a browser send them.
 */
export function isSameOriginMutation(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin === expectedOrigin(request);
  // Old browsers omit Origin on same-origin requests but send Sec-Fetch-Site.
  return request.headers.get("sec-fetch-site") === "same-origin";
}
