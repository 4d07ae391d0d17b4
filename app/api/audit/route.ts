import { z } from "zod";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { withRoute } from "@/lib/server/http/with-route";

const auditParams = z.object({
  limit: z.coerce.number().int().min(1).max(500, "at most 500 events per page").default(100),
  action: z.string().trim().max(64).regex(/^[a-z_.]*$/, "actions look like auth.login").optional(),
}).strict();

export const GET = withRoute({ permission: "audit:read" }, async ({ url }) => ({ events: await listAuditEvents(parseSearchParams(auditParams, url)) }));
