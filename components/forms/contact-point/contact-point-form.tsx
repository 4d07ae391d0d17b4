"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerFieldErrors } from "../server-field-errors";
import { CONTACT_POINT_KINDS, contactPointInputSchema, PAGERDUTY_EVENTS_URL, type ContactPointFormValues, type ContactPointInput } from "@/lib/schemas/contact-point";

const KIND_LABELS = { webhook: "Generic JSON webhook", slack: "Slack-compatible incoming webhook", pagerduty: "PagerDuty Events v2" } as const;
const optional = (value: string) => (value === "" ? undefined : value);

export interface ContactPointFormProps {
  defaultValues: ContactPointFormValues;
  /** True when editing a saved point: an empty secret keeps the stored one. */
  editing: boolean;
  onSubmit: (input: ContactPointInput) => Promise<void>;
  onCancel: () => void;
}

/** A contact point; the server re-checks the URL against the webhook policy (DNS) and puts its refusal on the URL field. */
export function ContactPointForm({ defaultValues, editing, onSubmit, onCancel }: ContactPointFormProps) {
  const form = useForm({ resolver: zodResolver(contactPointInputSchema), defaultValues, mode: "onChange" });
  const { register, formState: { errors } } = form;
  const kind = useWatch({ control: form.control, name: "kind" });
  const [failure, setFailure] = useState<string | null>(null);
  const submit = form.handleSubmit(async (input) => {
    setFailure(null);
    try {
      await onSubmit(input);
    } catch (error) {
      setFailure(applyServerFieldErrors(error, form.setError, "contactPoint"));
    }
  });
  const fieldError = (name: keyof ContactPointFormValues) => (errors[name]?.message ? <small className="error-text" id={`cp-error-${name}`}>{errors[name]?.message}</small> : null);
  const aria = (name: keyof ContactPointFormValues) => ({ "aria-invalid": !!errors[name], "aria-describedby": errors[name] ? `cp-error-${name}` : undefined });
  return (
    <form onSubmit={submit} aria-label="Contact point" noValidate className="alerts-form">
      <fieldset disabled={form.formState.isSubmitting}>
        <legend>{editing ? "Edit contact point" : "New contact point"}</legend>
        <div className="field"><label className="field-label"><span>Name</span><input {...register("name")} {...aria("name")} /></label>{fieldError("name")}</div>
        <label className="field">
          <span>Kind</span>
          <select {...register("kind", { onChange: (event) => event.target.value === "pagerduty" && !form.getValues("url") && form.setValue("url", PAGERDUTY_EVENTS_URL) })}>
            {CONTACT_POINT_KINDS.map((option) => <option key={option} value={option}>{KIND_LABELS[option]}</option>)}
          </select>
        </label>
        <div className="field"><label className="field-label"><span>URL</span><input type="url" {...register("url")} {...aria("url")} placeholder="https://hooks.example.com/triage" /></label>{fieldError("url")}</div>
        {kind !== "pagerduty" ? (
          <div className="field">
            <label className="field-label">
              <span>Signing secret ({editing ? "empty: keep the saved one" : "empty: Triage generates one"}; at least 16 characters)</span>
              <input type="password" autoComplete="new-password" {...register("secret", { setValueAs: optional })} {...aria("secret")} />
            </label>
            {fieldError("secret")}
          </div>
        ) : (
          <div className="field">
            <label className="field-label">
              <span>Routing (integration) key{editing ? " (empty: keep the saved one)" : ""}</span>
              <input {...register("routingKey", { setValueAs: optional })} {...aria("routingKey")} />
            </label>
            {fieldError("routingKey")}
          </div>
        )}
        <label className="field field-inline"><input type="checkbox" {...register("enabled")} /><span>Enabled</span></label>
      </fieldset>
      {failure ? <p role="alert" className="error-text" data-testid="contact-point-failure">{failure}</p> : null}
      <div className="form-actions">
        <button type="submit" disabled={form.formState.isSubmitting}>Save contact point</button>
        <button type="button" className="link-button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
