import { formatPercent } from "@/lib/format";
import { describeSlowestHop, formatDurationMs } from "@/lib/requests/build-request-timeline";
import type { RequestTimeline } from "@/lib/schemas/request-drilldown";

/** Share bars stop at 100%: a service that handled overlapping calls can exceed the wall time. */
function ShareBar({ share }: { share: number }) {
  return (
    <span className="rq-share" aria-hidden="true">
      <span className="rq-share-fill" style={{ width: `${Math.min(share, 1) * 100}%` }} />
    </span>
  );
}

/** Where the time went: each service's time and own time against the request's wall time, the database, the slowest hop. */
export function TimeShares({ timeline }: { timeline: RequestTimeline }) {
  const { timeShares, database, slowestHop, wallMs } = timeline;
  return (
    <div className="rq-time-shares">
      {slowestHop ? (
        <p className="rq-slowest" data-testid="slowest-hop" data-service={slowestHop.service} data-duration-ms={slowestHop.durationMs}>
          Slowest hop: <strong>{describeSlowestHop(slowestHop)}</strong>
          {slowestHop.selfMs < slowestHop.durationMs ? <span className="muted"> ({formatDurationMs(slowestHop.selfMs)} of it its own)</span> : null}
        </p>
      ) : (
        <p className="muted">No request line of this request carries a duration.</p>
      )}
      <div className="table-scroll">
        <table className="table" data-testid="time-shares">
          <thead>
            <tr><th>Where</th><th className="num">Time</th><th className="num">Own time</th><th>Share of {formatDurationMs(wallMs)}</th></tr>
          </thead>
          <tbody>
            {timeShares.map((share) => (
              <tr key={share.service} data-service={share.service} className={share.service === slowestHop?.service ? "rq-is-slowest" : undefined}>
                <td>{share.service}</td>
                <td className="num">{formatDurationMs(share.durationMs)}</td>
                <td className="num">{formatDurationMs(share.selfMs)}</td>
                <td><ShareBar share={share.share} /> {formatPercent(share.share, 0)}</td>
              </tr>
            ))}
            {database.statementCount > 0 ? (
              <tr data-service="database">
                <td>database ({database.statementCount} statement{database.statementCount === 1 ? "" : "s"})</td>
                <td className="num">{formatDurationMs(database.durationMs)}</td>
                <td className="num">–</td>
                <td><ShareBar share={database.share} /> {formatPercent(database.share, 0)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
