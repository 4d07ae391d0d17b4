import { surroundingLinesParamsSchema } from "@/lib/schemas/surrounding-lines";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadOneSourceContext } from "@/lib/server/logs/log-context";
import { getSurroundingLines } from "@/lib/server/logs/get-surrounding-lines";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, signal }) => {
  const params = parseSearchParams(surroundingLinesParamsSchema, url);
  return getSurroundingLines(params, await loadOneSourceContext({ signal, source: params.source }));
});
