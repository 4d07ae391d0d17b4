import { REQUEST_DRILLDOWN_WINDOWS, type RequestDrilldownWindow } from "@/lib/schemas/request-drilldown";

const LABELS: Record<RequestDrilldownWindow, string> = { "1h": "1 h", "24h": "24 h", "7d": "7 d" };

/** "±1 h around 12:03:04 UTC" (or "last 24 h") with buttons for each wider window. */
export function WindowControls({ window, around, onWiden }: { window: RequestDrilldownWindow; around: string | null; onWiden: (window: RequestDrilldownWindow) => void }) {
  const wider = REQUEST_DRILLDOWN_WINDOWS.slice(REQUEST_DRILLDOWN_WINDOWS.indexOf(window) + 1);
  const label = (w: RequestDrilldownWindow) => (around ? `±${LABELS[w]}` : `the last ${LABELS[w]}`);
  return (
    <div className="rq-window" data-testid="request-window">
      <span className="muted">
        Searched {label(window)}
        {around ? ` around ${around.replace("T", " ").replace(/(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, "")} UTC` : ""}
      </span>
      {wider.map((w) => (
        <button key={w} type="button" onClick={() => onWiden(w)}>
          Widen to {label(w)}
        </button>
      ))}
    </div>
  );
}
