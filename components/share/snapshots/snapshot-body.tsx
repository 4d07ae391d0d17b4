"use client";

import { RequestPanels } from "@/app/(dashboard)/requests/[id]/request-view";
import type { LogSearchResponse } from "@/lib/schemas/log-search";
import type { OverviewResponse } from "@/lib/schemas/overview";
import type { RequestDrilldownResponse } from "@/lib/schemas/request-drilldown";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";
import { ExplorerSnapshot } from "./explorer-snapshot";
import { OverviewSnapshot } from "./overview-snapshot";

export interface SnapshotBodyProps {
  kind: string;
  answers: Record<string, unknown>;
  params: Record<string, string>;
  timeZone: TimeZoneMode;
}

/** A stored snapshot drawn by its view's own panels; a view kind added later renders here once it registers a case. */
export function SnapshotBody({ kind, answers, params, timeZone }: SnapshotBodyProps) {
  if (kind === "overview") return <OverviewSnapshot answers={answers as { overview?: OverviewResponse }} timeZone={timeZone} />;
  if (kind === "explorer") return <ExplorerSnapshot answers={answers as { page?: LogSearchResponse }} params={params} timeZone={timeZone} />;
  if (kind === "request") {
    const drilldown = answers.drilldown as RequestDrilldownResponse | undefined;
    return drilldown ? <RequestPanels data={drilldown} /> : <p className="notice">This snapshot holds no request.</p>;
  }
  return <p className="notice">This Triage cannot draw snapshots of the {kind} view; run the view live instead.</p>;
}
