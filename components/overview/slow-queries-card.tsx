import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/lib/format";
import { formatDurationMs } from "@/lib/requests/build-request-timeline";
import type { SlowQueryCardRow } from "@/lib/schemas/slow-queries";
import { slowQueryHref } from "@/lib/url-state/slow-query-link";

/** The five statements that cost most time in the range (from the overview's own _msearch). */
export function SlowQueriesCard({ rows, thresholdMs, range }: { rows: SlowQueryCardRow[]; thresholdMs: number; range: { from: string; to: string } }) {
  return (
    <section className="panel" aria-labelledby="slow-queries-card-title">
      <header className="panel-header">
        <h2 id="slow-queries-card-title">Slowest queries</h2>
        <Link href={`/slow-queries?${new URLSearchParams(range).toString()}`}>All slow queries</Link>
      </header>
      {rows.length === 0 ? (
        <EmptyState title={`No statement of ${formatCount(thresholdMs)} ms or more in this range`} />
      ) : (
        <div className="table-scroll"><table className="table" data-testid="slow-queries-card">
          <thead>
            <tr><th scope="col">Statement</th><th scope="col">Services</th><th scope="col" className="num">Count</th><th scope="col" className="num">Total</th><th scope="col" className="num">Max</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.fingerprint} data-fingerprint={row.fingerprint}>
                <td className="message sq-statement"><Link href={slowQueryHref(row.fingerprint, range)}>{row.statement}</Link></td>
                <td>{row.services.join(", ")}</td>
                <td className="num">{formatCount(row.count)}</td>
                <td className="num">{formatDurationMs(row.totalMs)}</td>
                <td className="num">{formatDurationMs(row.maxMs)}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </section>
  );
}
