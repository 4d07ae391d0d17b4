import { EXPORT_HEADERS, LOG_EXPORT_ARRAY_KEYS, logExportParamsSchema } from "@/lib/schemas/log-export";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadOneSourceContext } from "@/lib/server/logs/log-context";
import { configuredExportLimits, exportLogLines } from "@/lib/server/logs/export-log-lines";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ url, signal, actor }) => {
  const params = parseSearchParams(logExportParamsSchema, url, LOG_EXPORT_ARRAY_KEYS);
  const file = await exportLogLines(params, await loadOneSourceContext({ signal, source: params.source, viewer: { id: actor.id } }), configuredExportLimits());
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
      [EXPORT_HEADERS.total]: String(file.total),
      [EXPORT_HEADERS.lines]: String(file.lines),
      [EXPORT_HEADERS.truncated]: String(file.truncated),
    },
  });
});
