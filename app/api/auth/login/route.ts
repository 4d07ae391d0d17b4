import { NextResponse } from "next/server";
import { loginSchema } from "@/lib/schemas/auth";
import { logIn } from "@/lib/server/auth/log-in";
import { isSecureRequest, SESSION_COOKIE, sessionCookieOptions } from "@/lib/server/auth/session-cookie";
import { getEnv } from "@/lib/server/env";
import { parseJsonBody } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute({ public: true }, async ({ request, clientIp }) => {
  const input = await parseJsonBody(loginSchema, request);
  const session = await logIn(input, { ip: clientIp, userAgent: request.headers.get("user-agent") ?? undefined });
  const response = NextResponse.json({ ok: true });
  response.cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(isSecureRequest(request, getEnv().APP_URL), session.expiresAt));
  return response;
});
