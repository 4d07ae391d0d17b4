import type { AlertSeriesStatus } from "@/lib/schemas/alert-rule";
import type { RuleState } from "@/lib/schemas/alert-rule-api";

const LABELS: Record<RuleState, string> = { firing: "Firing", pending: "Pending", error: "Engine error", nodata: "No data", ok: "OK", disabled: "Disabled" };

/** A state as text and colour (never colour alone), for rules and series alike. */
export function RuleStateBadge({ state, flapping = false }: { state: RuleState | AlertSeriesStatus; flapping?: boolean }) {
  return (
    <span className={`badge state-badge state-${state}`} data-state={state}>
      {LABELS[state]}
      {flapping ? <span className="flapping-marker" title="Changed state often lately: notifications are held until it settles"> · flapping</span> : null}
    </span>
  );
}
