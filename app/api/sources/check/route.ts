import { noQueryParamsSchema } from "@/lib/schemas/common";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { checkLogSources } from "@/lib/server/sources/check-log-sources";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, signal }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return checkLogSources({ signal });
});
