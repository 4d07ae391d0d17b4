"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { surroundingLinesQueryOptions } from "@/lib/queries/logs-surrounding";
import { MAX_SURROUNDING_LINES } from "@/lib/schemas/surrounding-lines";

const STEP = 25;

/** The lines just before and after one line, from the same service, the line itself highlighted. */
export function SurroundingLines({ lineId, source }: { lineId: string; source?: string }) {
  const [size, setSize] = useState(STEP);
  const { data, error, isPending, isFetching } = useQuery({ ...surroundingLinesQueryOptions({ id: lineId, before: size, after: size, source }), placeholderData: keepPreviousData });
  if (error) return <ErrorPanel title="Surrounding lines are unavailable" message={error.message} />;
  if (isPending) return <p className="notice" role="status">Loading surrounding lines…</p>;
  return (
    <section className="surrounding-lines" data-testid="surrounding-lines" aria-label="Surrounding lines">
      <p className="notice">
        {data.before} before and {data.after} after, from {data.service ?? "lines without a service"}.
        {data.redactions > 0 ? ` ${data.redactions} secrets redacted.` : ""}
      </p>
      {data.notices.map((notice) => <p key={notice} className="notice">{notice}</p>)}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr><th>Time (UTC)</th><th>Level</th><th>Message</th></tr>
          </thead>
          <tbody>
            {data.lines.map((line) => (
              <tr key={line.id} data-line-id={line.id} className={line.anchor ? "surrounding-anchor" : undefined} aria-current={line.anchor ? "true" : undefined}>
                <td className="nowrap">{line.timestamp?.replace("T", " ").replace("Z", "") ?? ""}</td>
                <td className={`level level-${(line.level ?? "").toLowerCase()}`}>{(line.level ?? "").toUpperCase()}</td>
                <td className="message">{line.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {size < MAX_SURROUNDING_LINES && (data.before === size || data.after === size) ? (
        <button type="button" className="link-button" disabled={isFetching} onClick={() => setSize((current) => Math.min(current + STEP * 2, MAX_SURROUNDING_LINES))}>
          Show more
        </button>
      ) : null}
    </section>
  );
}
