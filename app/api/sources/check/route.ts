import { withRoute } from "@/lib/server/http/with-route";
import { checkLogSources } from "@/lib/server/sources/check-log-sources";

export const dynamic = "force-dynamic";

export const GET = withRoute({ permission: "logs:read" }, async ({ signal }) => checkLogSources({ signal }));
