import { StackTrace } from "@/components/logs/stack-trace";
import { formatDurationMs } from "@/lib/requests/build-request-timeline";
import type { FirstError as FirstErrorData } from "@/lib/schemas/request-drilldown";

/** What went wrong: the request's first error, the HTTP hop it happened on, and its stack trace. */
export function FirstError({ error }: { error: FirstErrorData | null }) {
  if (!error) return <p className="muted" data-testid="first-error-none">No line of this request failed or carries an error.</p>;
  const appFrames = error.trace?.frames.filter((frame) => frame.isAppFrame).length ?? 0;
  return (
    <div className="rq-first-error" data-testid="first-error" data-service={error.service}>
      <p className="muted">
        {error.isFailure ? "First error" : "The request did not fail; first line with an error"} in <strong>{error.service}</strong> at {new Date(error.time).toISOString().slice(11, 23)} UTC
      </p>
      <p className="rq-error-title">
        {error.type ? <strong data-testid="error-type">{error.type}</strong> : null}
        {error.type ? ": " : null}
        <span data-testid="error-message">{error.message}</span>
      </p>
      {error.hop ? (
        <p data-testid="error-hop">
          On <code>{[error.hop.method, error.hop.path].filter(Boolean).join(" ") || "(no method or path)"}</code> in {error.hop.service}
          {error.hop.status !== null ? <> → <span className={error.hop.status >= 500 ? "error-text" : undefined}>{error.hop.status}</span></> : null}
          {error.hop.durationMs !== null ? <> after {formatDurationMs(error.hop.durationMs)}</> : null}
        </p>
      ) : null}
      {error.stack ? (
        <>
          {error.trace && error.trace.format !== "unknown" ? (
            <p className="notice">{error.trace.frames.length} frames, {appFrames} from the app (bold); library frames dimmed.</p>
          ) : null}
          <StackTrace text={error.stack} />
        </>
      ) : (
        <p className="notice">No stack trace was logged.</p>
      )}
    </div>
  );
}
