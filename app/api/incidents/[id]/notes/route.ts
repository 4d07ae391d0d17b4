import { idParamsSchema } from "@/lib/schemas/common";
import { incidentNoteSchema } from "@/lib/schemas/incident";
import { parseJsonBody, parseParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { addIncidentNote } from "@/lib/server/incidents/add-incident-note";

export const dynamic = "force-dynamic";

export const POST = withRoute<{ id: string }>({ permission: "incidents:write" }, async ({ request, params, actor, clientIp }) => {
  const { id } = parseParams(idParamsSchema, params);
  const { body } = await parseJsonBody(incidentNoteSchema, request);
  return addIncidentNote(id, body, actor, clientIp);
});
