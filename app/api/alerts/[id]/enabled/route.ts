import { ruleIdParamsSchema, setRuleEnabledSchema } from "@/lib/schemas/alert-rule-api";
import { setAlertRuleEnabled } from "@/lib/server/alerts/set-alert-rule-enabled";
import { parseJsonBody, parseParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const PUT = withRoute<{ id: string }>({ permission: "alerts:write" }, async ({ request, params, actor, clientIp }) => {
  const { id } = parseParams(ruleIdParamsSchema, params);
  return setAlertRuleEnabled(id, await parseJsonBody(setRuleEnabledSchema, request), actor, clientIp);
});
