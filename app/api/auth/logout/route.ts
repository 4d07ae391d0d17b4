import { NextResponse } from "next/server";
import { z } from "zod";
import { logOut } from "@/lib/server/auth/log-out";
import { readCookie } from "@/lib/server/auth/resolve-actor";
import { SESSION_COOKIE } from "@/lib/server/auth/session-cookie";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

const logoutParams = z.object({ everywhere: z.enum(["true", "false"]).default("false") }).strict();

export const POST = withRoute({ permission: "logs:read" }, async ({ request, url, actor, clientIp }) => {
  const { everywhere } = parseSearchParams(logoutParams, url);
  const result = await logOut(actor, readCookie(request.headers, SESSION_COOKIE), { everywhere: everywhere === "true", ip: clientIp });
  const response = NextResponse.json(result);
  response.cookies.delete(SESSION_COOKIE);
  return response;
});
