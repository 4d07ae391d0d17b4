"use client";

import { Controller } from "react-hook-form";
import { ALERT_HANDLINGS, type AlertHandling } from "@/lib/schemas/alert-rule";
import type { ContactPoint } from "@/lib/schemas/contact-point";
import { FieldError, invalidProps } from "./field-error";
import { asNumber, type AlertRuleFormApi } from "./form-types";

const HANDLING_LABELS: Record<AlertHandling, string> = { ok: "treat as OK", keep: "keep the last state", alert: "alert" };

/** Flap detection, what no data and engine errors mean, and where notifications go. */
export function HandlingSection({ form, contactPoints }: { form: AlertRuleFormApi; contactPoints: ContactPoint[] | undefined }) {
  const { register, formState: { errors } } = form;
  return (
    <fieldset className="form-section">
      <legend>Flapping, no data, engine errors and notifications</legend>
      <div className="field-pair">
        <div className="field">
          <label className="field-label">
            <span>Flapping after this many state changes</span>
            <input type="number" step="1" {...register("flapping.changes", { setValueAs: asNumber })} {...invalidProps(errors, "flapping.changes")} />
          </label>
          <FieldError errors={errors} name="flapping.changes" />
        </div>
        <div className="field">
          <label className="field-label">
            <span>in the last (evaluations)</span>
            <input type="number" step="1" {...register("flapping.evaluations", { setValueAs: asNumber })} {...invalidProps(errors, "flapping.evaluations")} />
          </label>
          <FieldError errors={errors} name="flapping.evaluations" />
        </div>
      </div>
      <label className="field">
        <span>When there is no data</span>
        <select {...register("noData")}>{ALERT_HANDLINGS.map((option) => <option key={option} value={option}>{HANDLING_LABELS[option]}</option>)}</select>
      </label>
      <label className="field">
        <span>When the engine fails or rejects the query</span>
        <select {...register("engineError")}>{ALERT_HANDLINGS.map((option) => <option key={option} value={option}>{HANDLING_LABELS[option]}</option>)}</select>
      </label>
      <Controller
        control={form.control}
        name="contactPointIds"
        render={({ field }) => {
          const chosen = new Set(field.value ?? []);
          const toggle = (id: string) => field.onChange(chosen.has(id) ? [...chosen].filter((other) => other !== id) : [...chosen, id]);
          return (
            <fieldset className="field">
              <legend>Contact points</legend>
              {contactPoints?.length ? (
                contactPoints.map((point) => (
                  <label key={point.id} className="field-inline">
                    <input type="checkbox" checked={chosen.has(point.id)} onChange={() => toggle(point.id)} />
                    <span>{point.name} ({point.kind}{point.enabled ? "" : ", disabled"})</span>
                  </label>
                ))
              ) : (
                <small className="muted">No contact points yet: add one under Alerts › Contact points. Without one, the rule changes state but sends nothing.</small>
              )}
              <FieldError errors={errors} name="contactPointIds" />
            </fieldset>
          );
        }}
      />
    </fieldset>
  );
}
