import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { ApiRequestError } from "@/lib/queries/fetch-json";

/** Puts the server's 422 field messages next to their fields; returns the message for the form when none matched. */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T>, error: unknown, fields: ReadonlyArray<Path<T>>): string | null {
  if (!(error instanceof ApiRequestError)) return error instanceof Error ? error.message : String(error);
  let placed = false;
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const field = fields.find((name) => path === name || path.startsWith(`${name}.`));
    if (field) {
      form.setError(field, { type: "server", message });
      placed = true;
    }
  }
  return placed ? null : error.message;
}
