import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatPercent } from "@/lib/format";
import type { FailingEndpoint } from "@/lib/schemas/overview";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

/** Endpoints by route template (ids folded into {id}), most 5xx first. */
export function TopEndpointsTable({ endpoints }: { endpoints: FailingEndpoint[] }) {
  return (
    <section className="panel" aria-labelledby="top-endpoints-title">
      <header className="panel-header">
        <h2 id="top-endpoints-title">Top failing endpoints</h2>
      </header>
      {endpoints.length === 0 ? (
        <EmptyState title="No 5xx responses in this range" />
      ) : (
        <KeyboardTable className="table" data-testid="top-endpoints">
          <thead>
            <tr><th>Endpoint</th><th>Service</th><th className="num">5xx</th><th className="num">Requests</th><th className="num">Rate</th></tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={`${endpoint.method} ${endpoint.path}`} data-endpoint={`${endpoint.method} ${endpoint.path}`} data-row="">
                <td className="message"><strong>{endpoint.method}</strong> {endpoint.path}</td>
                <td>{endpoint.services.join(", ")}</td>
                <td className="num" data-field="serverErrors">{formatCount(endpoint.serverErrors)}</td>
                <td className="num" data-field="requests">{formatCount(endpoint.requests)}</td>
                <td className="num">{formatPercent(endpoint.errorRate)}</td>
              </tr>
            ))}
          </tbody>
        </KeyboardTable>
      )}
    </section>
  );
}
