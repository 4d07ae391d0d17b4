import { CorrelationIdLink } from "@/components/logs/correlation-id-link";
import type { RequestLinkHints } from "@/lib/requests/request-link";
import type { RelatedRequest, RelatedRequests as RelatedData } from "@/lib/schemas/request-drilldown";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

function RelatedList({ title, requests, hints, empty, testId }: { title: React.ReactNode; requests: RelatedRequest[]; hints: RequestLinkHints; empty: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <h3 className="rq-subtitle">{title}</h3>
      {requests.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <KeyboardTable className="table">
          <thead>
            <tr><th>Request</th><th>Started (UTC)</th><th className="num">Worst status</th></tr>
          </thead>
          <tbody>
            {requests.map((request) => {
              const started = request.firstSeen === null ? null : new Date(request.firstSeen).toISOString();
              return (
                <tr key={request.id} data-row="">
                  <td><CorrelationIdLink id={request.id} around={started} hints={hints} /></td>
                  <td className="nowrap">{started ? started.slice(11, 23) : "–"}</td>
                  <td className={`num${(request.worstStatus ?? 0) >= 500 ? " error-text" : ""}`}>{request.worstStatus ?? "–"}</td>
                </tr>
              );
            })}
          </tbody>
        </KeyboardTable>
      )}
    </div>
  );
}

/** Other requests of the same user around this one, and other failed requests to the same endpoint. */
export function RelatedRequests({ related }: { related: RelatedData }) {
  const endpoint = related.endpoint ? `${related.endpoint.method} ${related.endpoint.path}` : null;
  return (
    <div className="rq-related">
      <RelatedList
        testId="related-same-user"
        title={related.user ? <>Same user (<code>{related.user}</code>), ±10 minutes</> : "Same user"}
        requests={related.sameUser}
        hints={{ user: related.user }}
        empty={related.user ? "No other requests of this user in the 10 minutes either side." : "The request's lines name no user."}
      />
      <RelatedList
        testId="related-same-endpoint"
        title={endpoint ? <>Other failed requests to <code>{endpoint}</code></> : "Other failed requests to this endpoint"}
        requests={related.sameEndpointFailures}
        hints={{ method: related.endpoint?.method, path: related.endpoint?.path }}
        empty={endpoint ? "No other request to this endpoint failed (status 500 or above) in the window." : "The request's lines name no method and path."}
      />
    </div>
  );
}
