import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute({ permission: "logs:read" }, async ({ actor }) => actor);
