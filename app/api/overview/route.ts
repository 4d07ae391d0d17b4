import { OVERVIEW_ARRAY_KEYS, overviewParamsSchema } from "@/lib/schemas/overview";
import { withRoute } from "@/lib/server/http/with-route";
import { loadLogContext } from "@/lib/server/logs/log-context";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { getOverview } from "@/lib/server/overview/get-overview";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, signal }) => {
  const params = parseSearchParams(overviewParamsSchema, url, OVERVIEW_ARRAY_KEYS);
  return getOverview(params, await loadLogContext({ signal, sources: params.source }));
});
