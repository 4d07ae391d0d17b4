"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { pinIncidentLinkSchema, type PinIncidentLinkInput } from "@/lib/schemas/incident";
import { useServerSubmit } from "../use-server-submit";

type Values = { link: string; snapshot: boolean };

/** Pins a share link (pasted) on the timeline, or a fresh snapshot of its view. */
export function PinLinkForm({ onSubmit }: { onSubmit: (values: PinIncidentLinkInput) => Promise<void> }) {
  const form = useForm<Values>({ resolver: zodResolver(pinIncidentLinkSchema) as never, defaultValues: { link: "", snapshot: false } });
  const { submit, formError } = useServerSubmit(form, onSubmit, ["link"], { resetOnSuccess: true });
  const { errors, isSubmitting } = form.formState;
  return (
    <form aria-label="Pin a link" noValidate onSubmit={(event) => void submit(event)}>
      <div className="form-grid">
        <label className="field"><span>Share link</span><input placeholder="https://…/s/…" {...form.register("link")} aria-invalid={Boolean(errors.link)} />{errors.link ? <small className="error-text">{errors.link.message}</small> : null}</label>
        <label className="field field-inline"><input type="checkbox" {...form.register("snapshot")} /> <span>Keep a snapshot of it (outlives the logs)</span></label>
      </div>
      {formError ? <p className="error-text" role="alert">{formError}</p> : null}
      <div className="form-actions"><button type="submit" disabled={isSubmitting}>Pin</button></div>
    </form>
  );
}
