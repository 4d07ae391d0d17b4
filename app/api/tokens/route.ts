import { createApiTokenSchema } from "@/lib/schemas/auth";
import { noQueryParamsSchema } from "@/lib/schemas/common";
import { parseJsonBody, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";

export const GET = withRoute({ permission: "tokens:manage" }, async ({ url }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return { tokens: await listApiTokens() };
});

export const POST = withRoute({ permission: "tokens:manage" }, async ({ request, actor, clientIp }) => {
  const input = await parseJsonBody(createApiTokenSchema, request);
  return createApiToken(input, actor, clientIp);
});
