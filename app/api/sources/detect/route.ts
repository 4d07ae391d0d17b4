import { detectFieldMappingParamsSchema } from "@/lib/schemas/field-mapping-proposal";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadLogContext } from "@/lib/server/logs/log-context";
import { detectFieldMapping } from "@/lib/server/settings/detect-field-mapping";

export const dynamic = "force-dynamic";

// Admins only: the proposal exists to be saved, and it reveals index names beyond the configured pattern.
export const GET = withRoute({ permission: "settings:write" }, async ({ url, signal }) => {
  const params = parseSearchParams(detectFieldMappingParamsSchema, url);
  return detectFieldMapping(params, await loadLogContext({ signal }));
});
