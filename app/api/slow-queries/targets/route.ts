import { targetDatabasesParamsSchema } from "@/lib/schemas/explain";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { listTargetDatabases } from "@/lib/server/slow-queries/list-target-databases";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url }) => {
  parseSearchParams(targetDatabasesParamsSchema, url, []);
  return listTargetDatabases();
});
