import { fingerprintParamsSchema, fingerprintSchema, SLOW_QUERIES_ARRAY_KEYS } from "@/lib/schemas/slow-queries";
import { badRequest } from "@/lib/server/errors";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadLogContext } from "@/lib/server/logs/log-context";
import { getSlowQuery } from "@/lib/server/slow-queries/get-slow-query";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ fingerprint: string }>({ permission: "logs:read" }, async ({ url, signal, params: segment }) => {
  const params = parseSearchParams(fingerprintParamsSchema, url, SLOW_QUERIES_ARRAY_KEYS);
  const fingerprint = fingerprintSchema.safeParse(segment.fingerprint);
  if (!fingerprint.success) throw badRequest("a fingerprint is 16 hex digits", { fingerprint: "a fingerprint is 16 hex digits" });
  return getSlowQuery(fingerprint.data, params, await loadLogContext({ signal, sources: params.source }));
});
