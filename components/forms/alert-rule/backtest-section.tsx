"use client";

import { useQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { BacktestSummary } from "@/components/alerts/backtest-summary";
import { alertPreviewQueryOptions } from "@/lib/queries/alerts";
import { BACKTEST_RANGES, type BacktestRange } from "@/lib/schemas/alert-backtest";
import { alertRuleInputSchema } from "@/lib/schemas/alert-rule";
import type { AlertRuleFormApi } from "./form-types";
import { useDebouncedValue } from "./use-debounced-value";

const RANGE_LABELS: Record<BacktestRange, string> = { "24h": "last 24 hours", "7d": "last 7 days" };

/**
 * Replays the rule as the form holds it over past data (the worker's own evaluation code, on the
 * server), after typing pauses; a change of threshold, pending or recovery updates the counts.
 */
export function BacktestSection({ form, range, onRangeChange }: { form: AlertRuleFormApi; range: BacktestRange; onRangeChange: (range: BacktestRange) => void }) {
  const values = useWatch({ control: form.control });
  const settled = useDebouncedValue(values, 600);
  const parsed = alertRuleInputSchema.safeParse(settled);
  // Only what evaluation reads keys the replay: typing a name or description does not replay it.
  const replayed = parsed.success ? { ...parsed.data, name: "preview", description: "", runbookUrl: "", labels: {}, contactPointIds: [], enabled: true } : null;
  const preview = useQuery({ ...alertPreviewQueryOptions(replayed ?? ({} as never), range), enabled: replayed !== null, placeholderData: (previous) => previous });
  return (
    <section className="form-section backtest-section" aria-labelledby="backtest-title" aria-busy={preview.isFetching}>
      <div className="panel-header">
        <h2 id="backtest-title">Preview and backtest</h2>
        <div role="radiogroup" aria-label="Backtest range" className="segmented">
          {BACKTEST_RANGES.map((option) => (
            <label key={option} className="field-inline">
              <input type="radio" name="backtest-range" value={option} checked={range === option} onChange={() => onRangeChange(option)} />
              <span>{RANGE_LABELS[option]}</span>
            </label>
          ))}
        </div>
      </div>
      {!parsed.success ? <p className="muted" data-testid="backtest-waiting">Fix the fields marked above to see how this rule would have behaved.</p> : null}
      {parsed.success && preview.isFetching ? <p className="muted" data-testid="backtest-running">Replaying the {RANGE_LABELS[range]}…</p> : null}
      {parsed.success && preview.error ? <p role="alert" className="error-text">The backtest failed: {preview.error.message}</p> : null}
      {parsed.success && preview.data ? <BacktestSummary result={preview.data} label={`Backtest of the rule over the ${RANGE_LABELS[range]}`} /> : null}
    </section>
  );
}
