import { updateAlertRuleSchema } from "@/lib/schemas/alert-rule";
import { deleteByVersionParamsSchema, ruleIdParamsSchema } from "@/lib/schemas/alert-rule-api";
import { noQueryParamsSchema } from "@/lib/schemas/common";
import { deleteAlertRule } from "@/lib/server/alerts/delete-alert-rule";
import { getAlertRule } from "@/lib/server/alerts/get-alert-rule";
import { updateAlertRule } from "@/lib/server/alerts/update-alert-rule";
import { parseJsonBody, parseParams, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ id: string }>({ permission: "logs:read" }, async ({ url, params }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return getAlertRule(parseParams(ruleIdParamsSchema, params).id);
});

export const PUT = withRoute<{ id: string }>({ permission: "alerts:write" }, async ({ request, params, actor, clientIp }) => {
  const { id } = parseParams(ruleIdParamsSchema, params);
  return updateAlertRule(id, await parseJsonBody(updateAlertRuleSchema, request), actor, clientIp);
});

// The version rides in the query string: DELETE bodies are dropped by some proxies.
export const DELETE = withRoute<{ id: string }>({ permission: "alerts:write" }, async ({ url, params, actor, clientIp }) => {
  const { id } = parseParams(ruleIdParamsSchema, params);
  const { version } = parseSearchParams(deleteByVersionParamsSchema, url);
  return deleteAlertRule(id, version, actor, clientIp);
});
