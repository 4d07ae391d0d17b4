import { idParamsSchema } from "@/lib/schemas/common";
import { parseParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";

export const DELETE = withRoute<{ id: string }>({ permission: "tokens:manage" }, async ({ params, actor, clientIp }) => {
  const { id } = parseParams(idParamsSchema, params);
  await revokeApiToken(id, actor, clientIp);
  return { revoked: true };
});
