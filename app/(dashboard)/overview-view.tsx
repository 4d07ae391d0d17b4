"use client";

import { useQueryStates } from "nuqs";
import { ErrorRatePanel } from "@/components/overview/error-rate-panel";
import { TimeRangePicker } from "@/components/time/time-range-picker";
import { overviewSearchParams } from "./search-params";

export function OverviewView() {
  const [state, setState] = useQueryStates(overviewSearchParams);
  return (
    <div className="view">
      <div className="toolbar">
        <h1>Overview</h1>
        <TimeRangePicker from={state.from} to={state.to} onChange={(range) => void setState(range)} />
      </div>
      <ErrorRatePanel input={{ from: state.from, to: state.to, service: state.service }} />
    </div>
  );
}
