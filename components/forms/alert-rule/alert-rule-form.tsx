"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { BacktestRange } from "@/lib/schemas/alert-backtest";
import { alertRuleInputSchema, type AlertRuleFormValues, type AlertRuleInput } from "@/lib/schemas/alert-rule";
import type { ContactPoint } from "@/lib/schemas/contact-point";
import { applyServerFieldErrors } from "../server-field-errors";
import { BacktestSection } from "./backtest-section";
import { BasicsSection } from "./basics-section";
import { ConditionSection } from "./condition-section";
import { HandlingSection } from "./handling-section";
import { MeasureSection } from "./measure-section";
import { ScopeSection } from "./scope-section";

export interface AlertRuleFormProps {
  defaultValues: AlertRuleFormValues;
  contactPoints: ContactPoint[] | undefined;
  submitLabel: string;
  /** Rejects with ApiRequestError: its field errors land on the same fields. */
  onSubmit: (rule: AlertRuleInput) => Promise<void>;
  range: BacktestRange;
  onRangeChange: (range: BacktestRange) => void;
  /** Viewers may try values in the backtest but not save. */
  canSave?: boolean;
}

/** The alert rule form: the API's own schema validates as you type; the server's 422/409 field errors land on the same fields. */
export function AlertRuleForm({ defaultValues, contactPoints, submitLabel, onSubmit, range, onRangeChange, canSave = true }: AlertRuleFormProps) {
  const form = useForm({ resolver: zodResolver(alertRuleInputSchema), defaultValues, mode: "onChange" });
  const [failure, setFailure] = useState<string | null>(null);
  const submit = form.handleSubmit(async (rule) => {
    setFailure(null);
    try {
      await onSubmit(rule);
    } catch (error) {
      setFailure(applyServerFieldErrors(error, form.setError, "rule"));
    }
  });
  return (
    <form onSubmit={submit} aria-label="Alert rule" noValidate className="alert-rule-form">
      <BasicsSection form={form} />
      <MeasureSection form={form} />
      <ScopeSection form={form} />
      <ConditionSection form={form} />
      <HandlingSection form={form} contactPoints={contactPoints} />
      <BacktestSection form={form} range={range} onRangeChange={onRangeChange} />
      {failure ? <p role="alert" className="error-text" data-testid="form-failure">{failure}</p> : null}
      {canSave ? (
        <div className="form-actions">
          <button type="submit" disabled={form.formState.isSubmitting}>{submitLabel}</button>
        </div>
      ) : null}
    </form>
  );
}
