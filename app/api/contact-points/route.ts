import { noQueryParamsSchema } from "@/lib/schemas/common";
import { contactPointInputSchema } from "@/lib/schemas/contact-point";
import { createContactPoint } from "@/lib/server/contact-points/create-contact-point";
import { listContactPoints } from "@/lib/server/contact-points/list-contact-points";
import { parseJsonBody, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return listContactPoints();
});

export const POST = withRoute({ permission: "alerts:write" }, async ({ request, actor, clientIp }) => {
  return createContactPoint(await parseJsonBody(contactPointInputSchema, request), actor, clientIp);
});
