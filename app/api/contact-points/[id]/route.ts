import { deleteByVersionParamsSchema } from "@/lib/schemas/alert-rule-api";
import { idParamsSchema } from "@/lib/schemas/common";
import { updateContactPointSchema } from "@/lib/schemas/contact-point";
import { deleteContactPoint } from "@/lib/server/contact-points/delete-contact-point";
import { updateContactPoint } from "@/lib/server/contact-points/update-contact-point";
import { parseJsonBody, parseParams, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const PUT = withRoute<{ id: string }>({ permission: "alerts:write" }, async ({ request, params, actor, clientIp }) => {
  const { id } = parseParams(idParamsSchema, params);
  return updateContactPoint(id, await parseJsonBody(updateContactPointSchema, request), actor, clientIp);
});

export const DELETE = withRoute<{ id: string }>({ permission: "alerts:write" }, async ({ url, params, actor, clientIp }) => {
  const { id } = parseParams(idParamsSchema, params);
  return deleteContactPoint(id, parseSearchParams(deleteByVersionParamsSchema, url).version, actor, clientIp);
});
