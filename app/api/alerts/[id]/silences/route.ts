import { ruleIdParamsSchema, silenceInputSchema, unsilenceParamsSchema } from "@/lib/schemas/alert-rule-api";
import { silenceAlertRule, unsilenceAlertRule } from "@/lib/server/alerts/silence-alert-rule";
import { parseJsonBody, parseParams, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute<{ id: string }>({ permission: "alerts:write" }, async ({ request, params, actor, clientIp }) => {
  const { id } = parseParams(ruleIdParamsSchema, params);
  return silenceAlertRule(id, await parseJsonBody(silenceInputSchema, request), actor, clientIp);
});

export const DELETE = withRoute<{ id: string }>({ permission: "alerts:write" }, async ({ url, params, actor, clientIp }) => {
  const { id } = parseParams(ruleIdParamsSchema, params);
  return unsilenceAlertRule(id, parseSearchParams(unsilenceParamsSchema, url).silence, actor, clientIp);
});
