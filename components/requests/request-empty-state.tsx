import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import type { RequestDrilldownResponse, RequestDrilldownWindow } from "@/lib/schemas/request-drilldown";
import { WindowControls } from "./window-controls";

/** An id that matched nothing: which fields were searched, over which window, and a wider one. */
export function RequestEmptyState({ data, onWiden }: { data: RequestDrilldownResponse; onWiden: (window: RequestDrilldownWindow) => void }) {
  return (
    <section className="panel" data-testid="request-empty">
      <EmptyState title="No log line carries this ID">
        <p>
          Looked between {formatDateTime(Date.parse(data.windowFrom))} and {formatDateTime(Date.parse(data.windowTo))} in these fields:
        </p>
        <ul className="rq-fields" data-testid="searched-fields">
          {data.searchedFields.map((field) => <li key={field}><code>{field}</code></li>)}
        </ul>
        <p>Admins add correlation fields in Settings. The request may also be older: widen the window.</p>
        <WindowControls window={data.window} around={data.around} onWiden={onWiden} />
      </EmptyState>
    </section>
  );
}
