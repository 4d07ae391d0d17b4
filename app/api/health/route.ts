import { NextResponse } from "next/server";
import { withRoute } from "@/lib/server/http/with-route";
import { getHealth } from "@/lib/server/health/get-health";

export const dynamic = "force-dynamic";

// 503 when anything is down, so load balancers and monitors see it without parsing the body.
export const GET = withRoute(async ({ signal }) => {
  const health = await getHealth({ signal });
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503 });
});
