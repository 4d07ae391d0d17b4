import { noQueryParamsSchema } from "@/lib/schemas/common";
import { logSourceInputSchema } from "@/lib/schemas/log-source";
import { parseJsonBody, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { createLogSource } from "@/lib/server/sources/create-log-source";
import { listLogSources } from "@/lib/server/sources/list-log-sources";

export const dynamic = "force-dynamic";

// Viewers read the list too: the source picker and filters name them.
export const GET = withRoute({ permission: "logs:read" }, async ({ url }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return listLogSources();
});

export const POST = withRoute({ permission: "settings:write" }, async ({ request, actor, clientIp }) => {
  const input = await parseJsonBody(logSourceInputSchema, request);
  return createLogSource(input, actor, clientIp);
});
