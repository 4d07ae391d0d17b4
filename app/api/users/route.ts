import { createUserSchema } from "@/lib/schemas/auth";
import { noQueryParamsSchema } from "@/lib/schemas/common";
import { parseJsonBody, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";

export const GET = withRoute({ permission: "users:manage" }, async ({ url }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return { users: await listUsers() };
});

export const POST = withRoute({ permission: "users:manage" }, async ({ request, actor, clientIp }) => {
  const input = await parseJsonBody(createUserSchema, request);
  return createUser(input, actor, clientIp);
});
