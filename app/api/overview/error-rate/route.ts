import { errorRateParamsSchema } from "@/lib/schemas/error-rate";
import { withRoute } from "@/lib/server/http/with-route";
import { loadLogContext } from "@/lib/server/logs/log-context";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { getErrorRate } from "@/lib/server/overview/get-error-rate";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, signal }) => {
  const params = parseSearchParams(errorRateParamsSchema, url, ["service"]);
  return getErrorRate(params, await loadLogContext({ signal }));
});
