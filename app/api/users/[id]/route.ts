import { updateUserSchema } from "@/lib/schemas/auth";
import { idParamsSchema } from "@/lib/schemas/common";
import { parseJsonBody, parseParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { updateUser } from "@/lib/server/users/update-user";

export const PATCH = withRoute<{ id: string }>({ permission: "users:manage" }, async ({ request, params, actor, clientIp }) => {
  const { id } = parseParams(idParamsSchema, params);
  const input = await parseJsonBody(updateUserSchema, request);
  return updateUser(id, input, actor, clientIp);
});
