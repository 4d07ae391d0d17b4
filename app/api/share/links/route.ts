import { createShareLinkSchema, listShareLinksQuerySchema } from "@/lib/schemas/share-link";
import { parseJsonBody, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { createShareLink } from "@/lib/server/share/create-share-link";
import { listShareLinks } from "@/lib/server/share/list-share-links";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "links:create" }, async ({ url, actor }) => {
  const { all } = parseSearchParams(listShareLinksQuerySchema, url);
  return listShareLinks(actor, { all: all === "true" });
});

export const POST = withRoute({ permission: "links:create" }, async ({ request, actor, clientIp, signal }) => {
  const input = await parseJsonBody(createShareLinkSchema, request);
  return createShareLink(input, actor, { ip: clientIp, signal });
});
