import Link from "next/link";
import { Sparkline } from "@/components/charts/sparkline";
import { formatCount, formatDateTime } from "@/lib/format";
import { formatDurationMs } from "@/lib/requests/build-request-timeline";
import type { SlowQueryRow } from "@/lib/schemas/slow-queries";

const ms = (value: number | null) => (value === null ? "–" : formatDurationMs(value));
const when = (iso: string | null) => (iso ? formatDateTime(Date.parse(iso)) : "–");

/** One row per fingerprint: the normalized statement links to its page. */
export function SlowQueriesTable({ rows, hrefFor }: { rows: readonly SlowQueryRow[]; hrefFor: (fingerprint: string) => string }) {
  return (
    <div className="table-scroll">
    <table className="table sq-table" data-testid="slow-queries">
      <caption className="muted">Slow statements grouped by fingerprint (literals as $1, $2…)</caption>
      <thead>
        <tr>
          <th scope="col">Statement</th>
          <th scope="col" className="num">Count</th>
          <th scope="col" className="num">Total</th>
          <th scope="col" className="num">Mean</th>
          <th scope="col" className="num">p50</th>
          <th scope="col" className="num">p95</th>
          <th scope="col" className="num">p99</th>
          <th scope="col" className="num">Max</th>
          <th scope="col">Services</th>
          <th scope="col">First / last seen</th>
          <th scope="col">Trend</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.fingerprint} data-fingerprint={row.fingerprint}>
            <td className="message sq-statement">
              <Link href={hrefFor(row.fingerprint)}>{row.statement}</Link>
              {row.parsed ? null : <span className="badge" title="PostgreSQL's parser rejected it; grouped by tokens">not parsed</span>}
            </td>
            <td className="num" data-field="count">{formatCount(row.count)}</td>
            <td className="num" data-field="total">{ms(row.totalMs)}</td>
            <td className="num">{ms(row.meanMs)}</td>
            <td className="num">{ms(row.p50Ms)}</td>
            <td className="num" data-field="p95">{ms(row.p95Ms)}</td>
            <td className="num">{ms(row.p99Ms)}</td>
            <td className="num">{ms(row.maxMs)}</td>
            <td>{row.services.join(", ")}<div className="muted">{[row.source, ...row.alsoIn].join(", ")}</div></td>
            <td className="nowrap">{when(row.firstSeen)}<br />{when(row.lastSeen)}</td>
            <td><Sparkline values={row.trend} label={`${formatCount(row.count)} slow runs over the range`} /></td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
