import { deleteLogSourceParamsSchema, sourceIdParamsSchema, updateLogSourceSchema } from "@/lib/schemas/log-source";
import { parseJsonBody, parseParams, parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { deleteLogSource } from "@/lib/server/sources/delete-log-source";
import { updateLogSource } from "@/lib/server/sources/update-log-source";

export const dynamic = "force-dynamic";

export const PUT = withRoute<{ id: string }>({ permission: "settings:write" }, async ({ request, params, actor, clientIp }) => {
  const { id } = parseParams(sourceIdParamsSchema, params);
  const input = await parseJsonBody(updateLogSourceSchema, request);
  return updateLogSource(id, input, actor, clientIp);
});

// The version rides in the query string: DELETE bodies are dropped by some proxies.
export const DELETE = withRoute<{ id: string }>({ permission: "settings:write" }, async ({ url, params, actor, clientIp }) => {
  const { id } = parseParams(sourceIdParamsSchema, params);
  const { version } = parseSearchParams(deleteLogSourceParamsSchema, url);
  return deleteLogSource(id, version, actor, clientIp);
});
