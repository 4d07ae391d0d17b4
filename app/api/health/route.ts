import { NextResponse } from "next/server";
import { withRoute } from "@/lib/server/http/with-route";
import { getHealth } from "@/lib/server/health/get-health";

export const dynamic = "force-dynamic";

// Public so load balancers can probe it, but only signed-in users see hosts and error text.
// 503 when anything is down, so monitors see it without parsing the body.
export const GET = withRoute({ public: true }, async ({ signal, actor }) => {
  const health = await getHealth({ signal, detailed: actor !== null });
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503 });
});
