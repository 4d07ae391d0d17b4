import { logFieldsParamsSchema } from "@/lib/schemas/log-fields";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadOneSourceContext } from "@/lib/server/logs/log-context";
import { listLogFields } from "@/lib/server/logs/list-log-fields";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, signal }) => {
  const { source } = parseSearchParams(logFieldsParamsSchema, url);
  return listLogFields(await loadOneSourceContext({ signal, source }));
});
