"use client";

import { useWatch } from "react-hook-form";
import { MEASURE_UNITS } from "@/lib/schemas/alert-rule";
import { FieldError, invalidProps } from "./field-error";
import { asNumber, asOptionalNumber, type AlertRuleFormApi, type AlertRuleField } from "./form-types";

function NumberField({ form, name, label, unit, step = "any", optional = false }: { form: AlertRuleFormApi; name: AlertRuleField; label: string; unit: string; step?: string; optional?: boolean }) {
  const { register, formState: { errors } } = form;
  return (
    <div className="field">
      <label className="field-label">
        <span>{label} ({unit})</span>
        <span className="input-with-unit">
          <input type="number" step={step} inputMode="decimal" {...register(name, { setValueAs: optional ? asOptionalNumber : asNumber })} {...invalidProps(errors, name)} />
          <span aria-hidden="true">{unit}</span>
        </span>
      </label>
      <FieldError errors={errors} name={name} />
    </div>
  );
}

/** When the rule fires: comparator and thresholds in the measure's unit, the window, interval and durations. */
export function ConditionSection({ form }: { form: AlertRuleFormApi }) {
  const kind = useWatch({ control: form.control, name: "measure.kind" });
  const comparator = useWatch({ control: form.control, name: "condition.comparator" });
  const unit = MEASURE_UNITS[kind];
  const { register, formState: { errors } } = form;
  return (
    <fieldset className="form-section">
      <legend>Condition</legend>
      <label className="field">
        <span>Fires when the value is</span>
        <select {...register("condition.comparator")} {...invalidProps(errors, "condition.comparator")}>
          <option value="above">above the threshold</option>
          <option value="below">below the threshold</option>
        </select>
      </label>
      <NumberField form={form} name="condition.threshold" label="Threshold" unit={unit} />
      <NumberField form={form} name="condition.recoveryThreshold" label={`Recovery threshold: resolves once ${comparator === "below" ? "at or above" : "at or below"} it; empty: the threshold`} unit={unit} optional />
      <NumberField form={form} name="condition.windowMinutes" label="Window" unit="minutes" step="1" />
      <NumberField form={form} name="condition.intervalSeconds" label="Evaluate every" unit="seconds" step="1" />
      <NumberField form={form} name="condition.pendingSeconds" label="Pending for before firing" unit="seconds" step="1" />
      <NumberField form={form} name="condition.keepFiringSeconds" label="Keep firing for after it clears" unit="seconds" step="1" />
    </fieldset>
  );
}
