import { NextResponse } from "next/server";
import { updateThemeSchema } from "@/lib/schemas/theme";
import { isSecureRequest } from "@/lib/server/auth/session-cookie";
import { getEnv } from "@/lib/server/env";
import { parseJsonBody } from "@/lib/server/http/parse-search-params";
import { setThemeCookie } from "@/lib/server/http/theme-cookie";
import { withRoute } from "@/lib/server/http/with-route";
import { setUserTheme } from "@/lib/server/users/set-user-theme";

export const PUT = withRoute({ permission: "logs:read" }, async ({ request, actor }) => {
  const { theme } = await parseJsonBody(updateThemeSchema, request);
  return setThemeCookie(NextResponse.json(await setUserTheme(actor, theme)), theme, isSecureRequest(request, getEnv().APP_URL));
});
