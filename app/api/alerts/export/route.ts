import { noQueryParamsSchema } from "@/lib/schemas/common";
import { exportAlertRules } from "@/lib/server/alerts/export-alert-rules";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return exportAlertRules();
});
