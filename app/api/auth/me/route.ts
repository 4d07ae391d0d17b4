import { noQueryParamsSchema } from "@/lib/schemas/common";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, actor }) => {
  parseSearchParams(noQueryParamsSchema, url);
  return actor;
});
