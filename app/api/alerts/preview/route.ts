import { backtestParamsSchema } from "@/lib/schemas/alert-backtest";
import { backtestRule } from "@/lib/server/alerts/backtest-rule";
import { parseJsonBody } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { loadLogContext } from "@/lib/server/logs/log-context";

export const dynamic = "force-dynamic";

// Viewers may preview: it only reads logs, like the overview does.
export const POST = withRoute({ permission: "logs:read" }, async ({ request, signal }) => {
  const { rule, range, at } = await parseJsonBody(backtestParamsSchema, request);
  return backtestRule(rule, await loadLogContext({ signal }), { range, at: at ? new Date(at) : undefined });
});
