import { idParamsSchema, noQueryParamsSchema } from "@/lib/schemas/common";
import { updateIncidentSchema } from "@/lib/schemas/incident";
import { parseJsonBody, parseParams, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { getIncident } from "@/lib/server/incidents/get-incident";
import { updateIncident } from "@/lib/server/incidents/update-incident";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ id: string }>({ permission: "logs:read" }, async ({ url, params }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return getIncident(parseParams(idParamsSchema, params).id);
});

export const PATCH = withRoute<{ id: string }>({ permission: "incidents:write" }, async ({ request, params, actor, clientIp }) => {
  const { id } = parseParams(idParamsSchema, params);
  return updateIncident(id, await parseJsonBody(updateIncidentSchema, request), actor, clientIp);
});
