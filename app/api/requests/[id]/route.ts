import { requestDrilldownQuerySchema, requestIdParamsSchema } from "@/lib/schemas/request-drilldown";
import { parseParams, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadLogContext } from "@/lib/server/logs/log-context";
import { getRequestDrilldown } from "@/lib/server/requests/get-request-drilldown";

export const dynamic = "force-dynamic";

// The id comes from the path (Next decodes it); a bad one (over 256 characters, control characters) is a 400.
export const GET = withRoute<{ id: string }>({ permission: "logs:read" }, async ({ url, params, signal }) => {
  const { id } = parseParams(requestIdParamsSchema, params);
  const query = parseSearchParams(requestDrilldownQuerySchema, url);
  return getRequestDrilldown({ id, ...query }, await loadLogContext({ signal }));
});
