import { CorrelationIdLink } from "@/components/logs/correlation-id-link";
import { formatDurationMs } from "@/lib/requests/build-request-timeline";
import type { SlowQuerySample } from "@/lib/schemas/slow-queries";

/** The slowest runs: each correlation id opens its request; "Explain" picks the run to explain. */
export function SamplesTable({ samples, selected, onSelect }: { samples: readonly SlowQuerySample[]; selected: string | null; onSelect: (id: string) => void }) {
  return (
    <div className="table-scroll">
    <table className="table log-table" data-testid="slow-query-samples">
      <caption className="muted">Slowest runs in the range</caption>
      <thead>
        <tr><th scope="col">Time</th><th scope="col" className="num">Duration</th><th scope="col">Service</th><th scope="col">Request</th><th scope="col">Statement as logged</th><th scope="col">Plan</th></tr>
      </thead>
      <tbody>
        {samples.map((sample) => (
          <tr key={`${sample.source} ${sample.id}`} data-sample={sample.id} className={sample.id === selected ? "sq-selected" : undefined}>
            <td className="nowrap">{sample.timestamp?.replace("T", " ").slice(0, 23) ?? "–"}</td>
            <td className="num">{formatDurationMs(sample.durationMs)}</td>
            <td>{sample.service ?? "–"}</td>
            <td>{sample.correlationId ? <CorrelationIdLink id={sample.correlationId} around={sample.timestamp} /> : <span className="muted">none logged</span>}</td>
            <td className="message">
              {sample.statement}
              {sample.parameters ? <div className="muted">parameters: {sample.parameters.map((value, i) => `$${i + 1} = ${value}`).join(", ")}</div> : null}
            </td>
            <td><button type="button" onClick={() => onSelect(sample.id)} aria-pressed={sample.id === selected}>Explain</button></td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
