"use client";

import { useQuery } from "@tanstack/react-query";
import { alertPreviewQueryOptions } from "@/lib/queries/alerts";
import { BACKTEST_RANGES, type BacktestRange } from "@/lib/schemas/alert-backtest";
import type { AlertRuleInput } from "@/lib/schemas/alert-rule";
import { BacktestSummary } from "./backtest-summary";

/** The saved rule's measured value over the range, replayed by the worker's own evaluation code, with threshold and firing spans. */
export function RuleValuePanel({ rule, range, at, onRangeChange }: { rule: AlertRuleInput; range: BacktestRange; at?: string | null; onRangeChange: (range: BacktestRange) => void }) {
  const { data, error, isFetching } = useQuery(alertPreviewQueryOptions(rule, range, at));
  return (
    <section className="panel" aria-labelledby="value-title" aria-busy={isFetching}>
      <div className="panel-header">
        <h2 id="value-title">Measured value</h2>
        <label className="field-inline">
          <span>Range</span>
          <select value={range} onChange={(event) => onRangeChange(event.target.value as BacktestRange)}>
            {BACKTEST_RANGES.map((option) => <option key={option} value={option}>{at ? "" : "last "}{option === "24h" ? "24 hours" : "7 days"}{at ? " before the shared time" : ""}</option>)}
          </select>
        </label>
      </div>
      {error ? <p role="alert" className="error-text">The value cannot be read from the engine: {error.message}</p> : null}
      {data ? <BacktestSummary result={data} label={at ? `Measured value of the rule over the ${range} before ${at.replace("T", " ").slice(0, 19)} UTC` : `Measured value of the rule over the last ${range}`} /> : isFetching ? <p className="muted">Reading the value…</p> : null}
    </section>
  );
}
