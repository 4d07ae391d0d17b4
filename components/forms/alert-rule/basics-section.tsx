"use client";

import { Controller } from "react-hook-form";
import { ALERT_SEVERITIES } from "@/lib/schemas/alert-rule";
import { FieldError, invalidProps } from "./field-error";
import type { AlertRuleFormApi } from "./form-types";

const formatLabels = (labels: Record<string, string> | undefined) => Object.entries(labels ?? {}).map(([key, value]) => `${key}=${value}`).join(", ");
// Entries without "=" keep their text as the key, so the schema's label-name rule names what is wrong.
const parseLabels = (text: string) => Object.fromEntries(text.split(",").map((entry) => entry.trim()).filter(Boolean).map((entry) => { const at = entry.indexOf("="); return at < 0 ? [entry, ""] : [entry.slice(0, at).trim(), entry.slice(at + 1).trim()]; }));

/** Name, description, runbook, severity, labels and whether the rule runs. */
export function BasicsSection({ form }: { form: AlertRuleFormApi }) {
  const { register, formState: { errors } } = form;
  return (
    <fieldset className="form-section">
      <legend>Rule</legend>
      <div className="field">
        <label className="field-label">
          <span>Name</span>
          <input {...register("name")} {...invalidProps(errors, "name")} />
        </label>
        <FieldError errors={errors} name="name" />
      </div>
      <div className="field">
        <label className="field-label">
          <span>Description</span>
          <textarea rows={2} {...register("description")} {...invalidProps(errors, "description")} />
        </label>
        <FieldError errors={errors} name="description" />
      </div>
      <div className="field">
        <label className="field-label">
          <span>Runbook URL</span>
          <input type="url" placeholder="https://wiki.example.com/runbooks/users-5xx" {...register("runbookUrl")} {...invalidProps(errors, "runbookUrl")} />
        </label>
        <FieldError errors={errors} name="runbookUrl" />
      </div>
      <div className="field">
        <label className="field-label">
          <span>Severity</span>
          <select {...register("severity")} {...invalidProps(errors, "severity")}>
            {ALERT_SEVERITIES.map((severity) => <option key={severity} value={severity}>{severity}</option>)}
          </select>
        </label>
        <FieldError errors={errors} name="severity" />
      </div>
      <Controller
        control={form.control}
        name="labels"
        render={({ field }) => (
          <div className="field">
            <label className="field-label">
              <span>Labels (key=value, comma-separated)</span>
              <input defaultValue={formatLabels(field.value)} onChange={(event) => field.onChange(parseLabels(event.target.value))} onBlur={field.onBlur} {...invalidProps(errors, "labels")} placeholder="team=identity, tier=gold" />
            </label>
            <FieldError errors={errors} name="labels" />
          </div>
        )}
      />
      <label className="field field-inline">
        <input type="checkbox" {...register("enabled")} />
        <span>Enabled (evaluated by the worker)</span>
      </label>
    </fieldset>
  );
}
