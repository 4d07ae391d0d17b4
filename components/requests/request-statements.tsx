import Link from "next/link";
import { formatDurationMs } from "@/lib/requests/build-request-timeline";
import type { RequestDrilldownResponse } from "@/lib/schemas/request-drilldown";
import { slowQueryHref } from "@/lib/url-state/slow-query-link";

/** The request's SQL by fingerprint, each a link back to its slow-query page. */
export function RequestStatements({ statements, range }: { statements: RequestDrilldownResponse["statements"]; range: { from: string; to: string } }) {
  if (statements.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="rq-statements-title">
      <header className="panel-header"><h2 id="rq-statements-title">SQL statements</h2></header>
      <div className="table-scroll"><table className="table" data-testid="request-statements">
        <thead><tr><th scope="col">Statement</th><th scope="col">Services</th><th scope="col" className="num">Runs</th><th scope="col" className="num">Time</th></tr></thead>
        <tbody>
          {statements.map((row) => (
            <tr key={row.fingerprint}>
              <td className="message"><Link href={slowQueryHref(row.fingerprint, { ...range, threshold: 1 })}>{row.statement}</Link></td>
              <td>{row.services.join(", ")}</td>
              <td className="num">{row.runs}</td>
              <td className="num">{formatDurationMs(row.totalMs)}</td>
            </tr>
          ))}
        </tbody>
      </table></div>
    </section>
  );
}
