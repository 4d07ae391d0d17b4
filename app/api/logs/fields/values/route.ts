import { fieldValuesParamsSchema } from "@/lib/schemas/log-fields";
import { LOG_SEARCH_ARRAY_KEYS } from "@/lib/schemas/log-search";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadOneSourceContext } from "@/lib/server/logs/log-context";
import { getFieldValues } from "@/lib/server/logs/get-field-values";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, signal }) => {
  const params = parseSearchParams(fieldValuesParamsSchema, url, LOG_SEARCH_ARRAY_KEYS);
  return getFieldValues(params, await loadOneSourceContext({ signal, source: params.source }));
});
