import { explainRequestSchema } from "@/lib/schemas/explain";
import { parseJsonBody } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";
import { explainStatement } from "@/lib/server/slow-queries/explain-statement";

export const dynamic = "force-dynamic";

export const POST = withRoute({ permission: "logs:read" }, async ({ request }) => explainStatement(await parseJsonBody(explainRequestSchema, request)));
