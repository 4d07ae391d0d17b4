import { openIncidentFromAlertSchema, ruleIdParamsSchema } from "@/lib/schemas/alert-rule-api";
import { openIncidentFromAlert } from "@/lib/server/alerts/open-incident-from-alert";
import { parseJsonBody, parseParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

// Writes an incident, so it takes the incident writers' permission (editors), not the alert editors'.
export const POST = withRoute<{ id: string }>({ permission: "incidents:write" }, async ({ request, params, actor, clientIp, signal }) => {
  const { id } = parseParams(ruleIdParamsSchema, params);
  return openIncidentFromAlert(id, await parseJsonBody(openIncidentFromAlertSchema, request), actor, { ip: clientIp, signal });
});
