"use client";

import { useState } from "react";
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import { applyServerErrors } from "./server-field-errors";

/**
 * The submit handler the incident forms share: clears the last failure, submits, optionally resets
 * on success, and puts the server's field errors on the listed fields (the rest above the buttons).
 */
export function useServerSubmit<T extends FieldValues>(form: UseFormReturn<T>, onSubmit: (values: T) => Promise<void>, fields: ReadonlyArray<FieldPath<T>>, options: { resetOnSuccess?: boolean } = {}) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
      if (options.resetOnSuccess) form.reset();
    } catch (error) {
      setFormError(applyServerErrors(form, error, fields));
    }
  });
  return { submit, formError };
}
