"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { incidentNoteSchema, NOTE_MAX_LENGTH, type IncidentNoteInput } from "@/lib/schemas/incident";
import { useServerSubmit } from "../use-server-submit";

/** A Markdown note for the timeline. */
export function NoteForm({ onSubmit }: { onSubmit: (values: IncidentNoteInput) => Promise<void> }) {
  const form = useForm<IncidentNoteInput>({ resolver: zodResolver(incidentNoteSchema), defaultValues: { body: "" } });
  const { submit, formError } = useServerSubmit(form, onSubmit, ["body"], { resetOnSuccess: true });
  const { errors, isSubmitting } = form.formState;
  return (
    <form aria-label="Add a note" noValidate onSubmit={(event) => void submit(event)}>
      <label className="field">
        <span>Note (Markdown, up to {NOTE_MAX_LENGTH.toLocaleString("en-US")} characters)</span>
        <textarea rows={4} {...form.register("body")} aria-invalid={Boolean(errors.body)} />
        {errors.body ? <small className="error-text">{errors.body.message}</small> : null}
      </label>
      {formError ? <p className="error-text" role="alert">{formError}</p> : null}
      <div className="form-actions"><button type="submit" disabled={isSubmitting}>Add note</button></div>
    </form>
  );
}
