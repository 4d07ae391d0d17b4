import { Sparkline } from "@/components/charts/sparkline";
import { formatCount } from "@/lib/format";
import { formatDurationMs } from "@/lib/requests/build-request-timeline";
import type { FingerprintDetail, SlowQueryRow } from "@/lib/schemas/slow-queries";

const ms = (value: number | null) => (value === null ? "–" : formatDurationMs(value));

/** The fingerprint's statement, its numbers, and its runs over time. */
export function FingerprintSummary({ row, occurrences }: { row: SlowQueryRow; occurrences: FingerprintDetail["occurrences"] }) {
  const stats: [string, string][] = [
    ["Count", formatCount(row.count)], ["Total", ms(row.totalMs)], ["Mean", ms(row.meanMs)], ["p50", ms(row.p50Ms)],
    ["p95", ms(row.p95Ms)], ["p99", ms(row.p99Ms)], ["Max", ms(row.maxMs)], ["Services", row.services.join(", ") || "–"], ["From", [row.source, ...row.alsoIn].join(", ")],
  ];
  return (
    <section className="panel" aria-labelledby="fingerprint-title">
      <header className="panel-header">
        <h2 id="fingerprint-title">Fingerprint {row.fingerprint}</h2>
        {row.parsed ? null : <span className="badge">not parsed: grouped by tokens</span>}
      </header>
      <pre className="json sq-sql" data-testid="fingerprint-statement">{row.statement}</pre>
      <dl className="sq-stats">
        {stats.map(([label, value]) => (
          <div key={label}><dt className="muted">{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      <h3 className="rq-subtitle">Occurrences over time</h3>
      <Sparkline values={occurrences.map((bucket) => bucket.count)} width={720} height={80} fluid label={`${formatCount(row.count)} slow runs over the range`} />
    </section>
  );
}
