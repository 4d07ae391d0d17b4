import { NextResponse } from "next/server";
import { loginSchema } from "@/lib/schemas/auth";
import { logIn } from "@/lib/server/auth/log-in";
import { isSecureRequest, SESSION_COOKIE, sessionCookieOptions } from "@/lib/server/auth/session-cookie";
import { getEnv } from "@/lib/server/env";
import { parseJsonBody } from "@/lib/server/http/parse-search-params";
import { setThemeCookie } from "@/lib/server/http/theme-cookie";
import { withRoute } from "@/lib/server/http/with-route";
import { getUserTheme } from "@/lib/server/users/set-user-theme";

export const POST = withRoute({ public: true }, async ({ request, clientIp }) => {
  const input = await parseJsonBody(loginSchema, request);
  const session = await logIn(input, { ip: clientIp, userAgent: request.headers.get("user-agent") ?? undefined });
  const response = NextResponse.json({ ok: true });
  const secure = isSecureRequest(request, getEnv().APP_URL);
  response.cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(secure, session.expiresAt));
  // The theme this user chose on another browser, from the first page on.
  return setThemeCookie(response, await getUserTheme(session.userId), secure);
});
