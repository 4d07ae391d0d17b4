import { ruleIdParamsSchema } from "@/lib/schemas/alert-rule-api";
import { noQueryParamsSchema } from "@/lib/schemas/common";
import { duplicateAlertRule } from "@/lib/server/alerts/duplicate-alert-rule";
import { parseParams, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute<{ id: string }>({ permission: "alerts:write" }, async ({ url, params, actor, clientIp }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return duplicateAlertRule(parseParams(ruleIdParamsSchema, params).id, actor, clientIp);
});
