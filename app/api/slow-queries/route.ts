import { SLOW_QUERIES_ARRAY_KEYS, slowQueriesParamsSchema } from "@/lib/schemas/slow-queries";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadLogContext } from "@/lib/server/logs/log-context";
import { listSlowQueries } from "@/lib/server/slow-queries/list-slow-queries";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, signal }) => {
  const params = parseSearchParams(slowQueriesParamsSchema, url, SLOW_QUERIES_ARRAY_KEYS);
  return listSlowQueries(params, await loadLogContext({ signal, sources: params.source }));
});
