"use client";

import { useWatch } from "react-hook-form";
import { LATENCY_PERCENTILES, MEASURE_KINDS, MEASURE_UNITS, type AlertMeasure, type MeasureKind } from "@/lib/schemas/alert-rule";
import { FieldError, invalidProps } from "./field-error";
import type { AlertRuleFormApi } from "./form-types";

export const MEASURE_LABELS: Record<MeasureKind, string> = {
  error_rate: "5xx error rate (5xx / requests)",
  error_lines: "Error lines (ERROR and FATAL)",
  latency_percentile: "Latency percentile of request duration",
  query_count: "Lines matching a Lucene query",
  slow_statements: "Slow SQL statements",
};

const DEFAULT_MEASURES: Record<MeasureKind, AlertMeasure> = {
  error_rate: { kind: "error_rate" },
  error_lines: { kind: "error_lines" },
  latency_percentile: { kind: "latency_percentile", percentile: "p95" },
  query_count: { kind: "query_count", query: "" },
  slow_statements: { kind: "slow_statements" },
};

/** What the rule measures; each measure's own inputs appear with it. */
export function MeasureSection({ form }: { form: AlertRuleFormApi }) {
  const { register, setValue, formState: { errors } } = form;
  const kind = useWatch({ control: form.control, name: "measure.kind" });
  return (
    <fieldset className="form-section">
      <legend>What to measure</legend>
      <div className="field">
        <label className="field-label">
          <span>Measure</span>
          <select value={kind} onChange={(event) => setValue("measure", DEFAULT_MEASURES[event.target.value as MeasureKind], { shouldValidate: true, shouldDirty: true })} {...invalidProps(errors, "measure.kind")}>
            {MEASURE_KINDS.map((option) => <option key={option} value={option}>{MEASURE_LABELS[option]} ({MEASURE_UNITS[option]})</option>)}
          </select>
        </label>
        <FieldError errors={errors} name="measure.kind" />
      </div>
      {kind === "latency_percentile" ? (
        <div className="field">
          <label className="field-label">
            <span>Percentile</span>
            <select {...register("measure.percentile")} {...invalidProps(errors, "measure.percentile")}>
              {LATENCY_PERCENTILES.map((percentile) => <option key={percentile} value={percentile}>{percentile}</option>)}
            </select>
          </label>
          <FieldError errors={errors} name="measure.percentile" />
        </div>
      ) : null}
      {kind === "query_count" ? (
        <div className="field">
          <label className="field-label">
            <span>Lucene query whose matching lines are counted</span>
            <input {...register("measure.query")} placeholder='message:"connection reset"' {...invalidProps(errors, "measure.query")} />
          </label>
          <FieldError errors={errors} name="measure.query" />
        </div>
      ) : null}
      {kind === "slow_statements" ? (
        <div className="field">
          <label className="field-label">
            <span>Statement fingerprint (empty: every slow statement)</span>
            <input {...register("measure.fingerprint", { setValueAs: (value: string) => (value ? value : undefined) })} {...invalidProps(errors, "measure.fingerprint")} />
          </label>
          <FieldError errors={errors} name="measure.fingerprint" />
        </div>
      ) : null}
      {kind === "slow_statements" ? (
        <label className="field">
          <span>Slow at or over (ms; empty: the deployment&apos;s slow threshold)</span>
          <input type="number" min={1} step={1} inputMode="numeric" {...register("measure.thresholdMs", { setValueAs: (value: string) => (value === "" || value === undefined ? undefined : Number(value)) })} {...invalidProps(errors, "measure.thresholdMs")} />
          <FieldError errors={errors} name="measure.thresholdMs" />
        </label>
      ) : null}
    </fieldset>
  );
}
