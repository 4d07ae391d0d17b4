"use client";

import { useQueryStates } from "nuqs";
import { FiringAlertsPanel } from "@/components/alerts/firing-alerts-panel";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { CopyLinkButton } from "@/components/share/copy-link-button";
import { ShareMenu } from "@/components/share/share-menu";
import { TimeControls } from "@/components/time/time-controls";
import { UrlStateNotice } from "@/lib/url-state/url-state-notice";
import { overviewSearchParams } from "./search-params";

export function OverviewView() {
  const [state, setState] = useQueryStates(overviewSearchParams);
  // Range changes (picker, zoom) push a history entry, so Back undoes a zoom.
  const setRange = (range: { from: string; to: string }) => void setState(range, { history: "push" });
  return (
    <div className="view">
      <div className="toolbar">
        <h1>Overview</h1>
        <div className="toolbar-actions">
          <TimeControls
            from={state.from}
            to={state.to}
            refresh={state.refresh}
            timeZone={state.tz}
            onChange={(change) => (change.from !== undefined || change.to !== undefined ? setRange({ from: change.from ?? state.from, to: change.to ?? state.to }) : void setState(change))}
          />
          <CopyLinkButton />
          <ShareMenu kind="overview" />
        </div>
      </div>
      <UrlStateNotice parsers={overviewSearchParams} />
      <FiringAlertsPanel />
      <OverviewDashboard
        input={{ from: state.from, to: state.to, service: state.service, environment: state.environment, source: state.source }}
        refresh={state.refresh}
        timeZone={state.tz}
        onFiltersChange={(change) => void setState(change)}
        onZoom={setRange}
      />
    </div>
  );
}
