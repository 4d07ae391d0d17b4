import { alertRulesDocumentSchema } from "@/lib/schemas/alert-rule";
import { importAlertRules } from "@/lib/server/alerts/import-alert-rules";
import { parseJsonBody } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute({ permission: "alerts:write" }, async ({ request, actor, clientIp }) => {
  return importAlertRules(await parseJsonBody(alertRulesDocumentSchema, request), actor, clientIp);
});
