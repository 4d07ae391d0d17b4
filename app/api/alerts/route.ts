import { alertRuleInputSchema } from "@/lib/schemas/alert-rule";
import { listAlertRulesParamsSchema } from "@/lib/schemas/alert-rule-api";
import { parseJsonBody, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { createAlertRule } from "@/lib/server/alerts/create-alert-rule";
import { listAlertRules } from "@/lib/server/alerts/list-alert-rules";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url }) => listAlertRules(parseSearchParams(listAlertRulesParamsSchema, url)));

export const POST = withRoute({ permission: "alerts:write" }, async ({ request, actor, clientIp }) => {
  const input = await parseJsonBody(alertRuleInputSchema, request);
  return createAlertRule(input, actor, clientIp);
});
