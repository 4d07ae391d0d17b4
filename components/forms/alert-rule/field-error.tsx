"use client";

import { get, type FieldErrors } from "react-hook-form";
import type { AlertRuleFormValues } from "@/lib/schemas/alert-rule";
import type { AlertRuleField } from "./form-types";

/** The message under a field (the schema's as you type, or the server's after a save); its id ties it to the input. */
export function FieldError({ errors, name }: { errors: FieldErrors<AlertRuleFormValues>; name: AlertRuleField }) {
  const message = firstMessage(get(errors, name));
  if (!message) return null;
  return (
    <small className="error-text" id={errorId(name)} data-testid={`error-${name}`}>
      {message}
    </small>
  );
}

/** A field's own message, or the first one nested under it (a label key, a service in the list). */
function firstMessage(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 3) return undefined;
  const own = (error as { message?: unknown }).message;
  if (typeof own === "string" && own) return own;
  for (const [key, nested] of Object.entries(error)) {
    if (key === "ref" || key === "type") continue;
    const found = firstMessage(nested, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export const errorId = (name: string) => `error-${name.replace(/\./g, "-")}`;

/** aria props of an input whose field may carry an error. */
export function invalidProps(errors: FieldErrors<AlertRuleFormValues>, name: AlertRuleField) {
  const invalid = !!get(errors, name);
  return { "aria-invalid": invalid, "aria-describedby": invalid ? errorId(name) : undefined };
}
