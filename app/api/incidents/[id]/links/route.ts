import { idParamsSchema } from "@/lib/schemas/common";
import { pinIncidentLinkSchema } from "@/lib/schemas/incident";
import { parseJsonBody, parseParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { pinIncidentLink } from "@/lib/server/incidents/pin-incident-link";

export const dynamic = "force-dynamic";

export const POST = withRoute<{ id: string }>({ permission: "incidents:write" }, async ({ request, params, actor, clientIp, signal }) => {
  const { id } = parseParams(idParamsSchema, params);
  return pinIncidentLink(id, await parseJsonBody(pinIncidentLinkSchema, request), actor, { ip: clientIp, signal });
});
