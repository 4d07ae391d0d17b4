"use client";

import { LazyAlertValueChart as AlertValueChart } from "@/components/charts/lazy-charts";
import type { BacktestResult } from "@/lib/schemas/alert-backtest";

/** A backtest's outcome: fired and flapped counts, per-series counts, and the value chart with its spans. */
export function BacktestSummary({ result, label }: { result: BacktestResult; label: string }) {
  const spans = result.series.flatMap((series) => series.spans.map((span) => ({ seriesKey: series.seriesKey, status: span.status, from: Date.parse(span.from), to: Date.parse(span.to) })));
  const series = result.series.map((item) => ({ key: item.seriesKey, points: item.points.map((point) => ({ at: Date.parse(point.at), value: point.value })) }));
  return (
    <div className="backtest" data-testid="backtest-result" data-threshold={result.threshold}>
      <p role="status" data-testid="backtest-counts">
        Would have fired <strong data-testid="backtest-fired">{result.firedCount}</strong> {result.firedCount === 1 ? "time" : "times"} and flapped <strong data-testid="backtest-flapped">{result.flapCount}</strong>{" "}
        {result.flapCount === 1 ? "time" : "times"} ({result.series.length} {result.series.length === 1 ? "series" : "series"}, one evaluation every {result.stepSeconds} s).
      </p>
      {result.seriesCapped ? <p className="banner banner-warning">More services than the series cap: the rest were cut, as the worker would cut them.</p> : null}
      {result.notices.map((notice) => <p key={notice} className="notice">{notice}</p>)}
      <AlertValueChart series={series} threshold={result.threshold} recoveryThreshold={result.recoveryThreshold} spans={spans} unit={result.unit} label={label} />
      {result.series.length > 0 ? (
        <table className="table compact" aria-label="Backtest per series">
          <thead><tr><th scope="col">Series</th><th scope="col">Fired</th><th scope="col">Flapped</th><th scope="col">Firing spans</th></tr></thead>
          <tbody>
            {result.series.map((item) => (
              <tr key={item.seriesKey} data-testid={`backtest-series-${item.seriesKey}`} data-firing-spans={JSON.stringify(item.spans.filter((span) => span.status === "firing").map((span) => [span.from, span.to]))}>
                <td>{item.seriesKey === "*" ? "all services" : item.seriesKey}</td>
                <td>{item.firedCount}</td>
                <td>{item.flapCount}</td>
                <td>{item.spans.filter((span) => span.status === "firing").map((span) => `${span.from.slice(11, 16)}–${span.to.slice(11, 16)}`).join(", ") || "none"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
