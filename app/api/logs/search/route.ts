import { LOG_SEARCH_ARRAY_KEYS, logSearchParamsSchema } from "@/lib/schemas/log-search";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadOneSourceContext } from "@/lib/server/logs/log-context";
import { getLogPage } from "@/lib/server/logs/get-log-page";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, signal, actor }) => {
  const params = parseSearchParams(logSearchParamsSchema, url, LOG_SEARCH_ARRAY_KEYS);
  return getLogPage(params, await loadOneSourceContext({ signal, source: params.source, viewer: { id: actor.id } }));
});
