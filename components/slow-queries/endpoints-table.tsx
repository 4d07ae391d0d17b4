import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/lib/format";
import type { FingerprintDetail } from "@/lib/schemas/slow-queries";

/** Which endpoints issued the sample runs (from their requests' own lines). */
export function EndpointsTable({ endpoints }: { endpoints: FingerprintDetail["endpoints"] }) {
  return (
    <section className="panel" aria-labelledby="sq-endpoints-title">
      <header className="panel-header"><h2 id="sq-endpoints-title">Endpoints that issue it</h2></header>
      {endpoints.length === 0 ? (
        <EmptyState title="No request line found for the sample runs" />
      ) : (
        <div className="table-scroll"><table className="table" data-testid="slow-query-endpoints">
          <thead><tr><th scope="col">Service</th><th scope="col">Endpoint</th><th scope="col" className="num">Sample requests</th></tr></thead>
          <tbody>
            {endpoints.map((row) => (
              <tr key={`${row.service} ${row.method} ${row.path}`}>
                <td>{row.service ?? "–"}</td>
                <td className="message"><strong>{row.method ?? ""}</strong> {row.path}</td>
                <td className="num">{formatCount(row.requests)}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </section>
  );
}
