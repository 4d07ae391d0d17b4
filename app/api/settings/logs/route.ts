import { noQueryParamsSchema } from "@/lib/schemas/common";
import { updateLogSettingsSchema } from "@/lib/schemas/log-settings";
import { parseJsonBody, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { readLogSettings } from "@/lib/server/settings/read-log-settings";
import { updateLogSettings } from "@/lib/server/settings/update-log-settings";

export const GET = withRoute({ permission: "logs:read" }, async ({ url }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return readLogSettings();
});

export const PUT = withRoute({ permission: "settings:write" }, async ({ request, actor, clientIp }) => {
  const input = await parseJsonBody(updateLogSettingsSchema, request);
  return updateLogSettings(input, actor, clientIp);
});
