import { noQueryParamsSchema } from "@/lib/schemas/common";
import { renameShareLinkSchema, slugParamsSchema } from "@/lib/schemas/share-link";
import { parseJsonBody, parseParams, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { deleteShareLink } from "@/lib/server/share/delete-share-link";
import { openShareLink } from "@/lib/server/share/open-share-link";
import { renameShareLink } from "@/lib/server/share/rename-share-link";

export const dynamic = "force-dynamic";

// Any reader may open a link (like any view); a miss of any kind is the same 404.
export const GET = withRoute<{ slug: string }>({ permission: "logs:read" }, async ({ url, params }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return openShareLink(parseParams(slugParamsSchema, params).slug);
});

export const PATCH = withRoute<{ slug: string }>({ permission: "links:create" }, async ({ request, params, actor, clientIp }) => {
  const { slug } = parseParams(slugParamsSchema, params);
  const { name } = await parseJsonBody(renameShareLinkSchema, request);
  return renameShareLink(slug, name, actor, clientIp);
});

export const DELETE = withRoute<{ slug: string }>({ permission: "links:create" }, async ({ url, params, actor, clientIp }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return deleteShareLink(parseParams(slugParamsSchema, params).slug, actor, clientIp);
});
