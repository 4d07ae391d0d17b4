import { CopyButton } from "@/components/ui/copy-button";
import type { CurlCommand as CurlCommandData } from "@/lib/schemas/request-drilldown";

/** Reproduce: the entry request as curl with the same X-Request-ID; credentials were left out on the server. */
export function CurlCommand({ curl }: { curl: CurlCommandData | null }) {
  if (!curl) return <p className="muted">No line of this request has an HTTP status, so there is no request to replay.</p>;
  return (
    <div className="rq-curl">
      <pre className="json" data-testid="curl-command">{curl.command}</pre>
      <div className="form-actions">
        <CopyButton text={curl.command} label="Copy curl command" />
      </div>
      {curl.notes.map((note) => <p key={note} className="notice">{note}</p>)}
    </div>
  );
}
