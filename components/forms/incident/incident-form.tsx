"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, incidentFormSchema, SEVERITY_LABELS, type IncidentFormValues } from "@/lib/schemas/incident";
import { useServerSubmit } from "../use-server-submit";
import { isoToUtcInput, utcInputToIso } from "./utc-input";

const FIELDS = ["title", "severity", "status", "services", "startedAt", "endedAt", "commander"] as const;

/** Create and edit an incident; the shared schema checks it here and again on the server, whose field errors land here too. */
export function IncidentForm({ defaultValues, submitLabel, onSubmit, onCancel }: { defaultValues: IncidentFormValues; submitLabel: string; onSubmit: (values: IncidentFormValues) => Promise<void>; onCancel?: () => void }) {
  const form = useForm<IncidentFormValues>({ resolver: zodResolver(incidentFormSchema), defaultValues });
  const { submit, formError } = useServerSubmit(form, onSubmit, FIELDS);
  const { errors, isSubmitting } = form.formState;
  const fieldError = (name: (typeof FIELDS)[number]) => {
    const message = errors[name]?.message ?? (errors[name] as { root?: { message?: string } } | undefined)?.root?.message ?? (Array.isArray(errors[name]) ? (errors[name] as Array<{ message?: string }>).find(Boolean)?.message : undefined);
    return message ? <small className="error-text" id={`incident-${name}-error`}>{message}</small> : null;
  };
  return (
    <form aria-label={submitLabel} noValidate onSubmit={(event) => void submit(event)} className="incident-form">
      <div className="form-grid">
        <label className="field"><span>Title</span><input {...form.register("title")} aria-invalid={Boolean(errors.title)} />{fieldError("title")}</label>
        <label className="field"><span>Severity</span><select {...form.register("severity")}>{INCIDENT_SEVERITIES.map((value) => <option key={value} value={value}>{SEVERITY_LABELS[value]}</option>)}</select>{fieldError("severity")}</label>
        <label className="field"><span>Status</span><select {...form.register("status")}>{INCIDENT_STATUSES.map((value) => <option key={value}>{value}</option>)}</select>{fieldError("status")}</label>
        <Controller control={form.control} name="services" render={({ field }) => (
          <label className="field"><span>Services (comma-separated)</span>
            <input value={field.value.join(", ")} onChange={(event) => field.onChange(event.target.value.split(",").map((item) => item.trim()).filter(Boolean))} onBlur={field.onBlur} aria-invalid={Boolean(errors.services)} />
            {fieldError("services")}
          </label>
        )} />
        <Controller control={form.control} name="startedAt" render={({ field }) => (
          <label className="field"><span>Start (UTC)</span><input type="datetime-local" value={isoToUtcInput(field.value)} onChange={(event) => field.onChange(utcInputToIso(event.target.value) ?? "")} onBlur={field.onBlur} />{fieldError("startedAt")}</label>
        )} />
        <Controller control={form.control} name="endedAt" render={({ field }) => (
          <label className="field"><span>End (UTC, empty while ongoing)</span><input type="datetime-local" value={isoToUtcInput(field.value)} onChange={(event) => field.onChange(utcInputToIso(event.target.value))} onBlur={field.onBlur} />{fieldError("endedAt")}</label>
        )} />
        <label className="field"><span>Commander</span><input {...form.register("commander")} aria-invalid={Boolean(errors.commander)} />{fieldError("commander")}</label>
      </div>
      {formError ? <p className="error-text" role="alert">{formError}</p> : null}
      <div className="form-actions">
        <button type="submit" disabled={isSubmitting}>{submitLabel}</button>
        {onCancel ? <button type="button" onClick={onCancel}>Cancel</button> : null}
      </div>
    </form>
  );
}
