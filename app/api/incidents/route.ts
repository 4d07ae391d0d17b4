import { createIncidentSchema, LIST_INCIDENTS_ARRAY_KEYS, listIncidentsQuerySchema } from "@/lib/schemas/incident";
import { parseJsonBody, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { listIncidents } from "@/lib/server/incidents/list-incidents";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url }) => listIncidents(parseSearchParams(listIncidentsQuerySchema, url, LIST_INCIDENTS_ARRAY_KEYS)));

export const POST = withRoute({ permission: "incidents:write" }, async ({ request, actor, clientIp, signal }) => {
  const input = await parseJsonBody(createIncidentSchema, request);
  return createIncident(input, actor, { ip: clientIp, signal });
});
