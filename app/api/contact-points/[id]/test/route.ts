import { idParamsSchema, noQueryParamsSchema } from "@/lib/schemas/common";
import { testContactPoint } from "@/lib/server/contact-points/test-contact-point";
import { parseParams, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

// Sending is a write: it reaches out to a receiver on Triage's behalf.
export const POST = withRoute<{ id: string }>({ permission: "alerts:write" }, async ({ url, params, actor, clientIp }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return testContactPoint(parseParams(idParamsSchema, params).id, actor, clientIp);
});
