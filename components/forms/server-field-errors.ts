import type { FieldPath, FieldValues, UseFormReturn, UseFormSetError } from "react-hook-form";
import { ApiRequestError } from "@/lib/queries/fetch-json";

/**
 * Puts the server's field errors (422, or a 409 naming fields changed meanwhile) on the form's
 * own fields and says how many it placed. `nestedUnder` strips the wrapper an update body adds
 * ("rule.", "contactPoint."), so a create and an update name the same field; `fields`, when
 * given, keeps only paths under those fields.
 */
function placeServerFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, options: { nestedUnder?: string; fields?: ReadonlyArray<FieldPath<T>> }): number {
  const errors = error instanceof ApiRequestError ? error.fields : undefined;
  let placed = 0;
  for (const [path, message] of Object.entries(errors ?? {})) {
    const unwrapped = options.nestedUnder && path.startsWith(`${options.nestedUnder}.`) ? path.slice(options.nestedUnder.length + 1) : path;
    const field = options.fields ? options.fields.find((name) => unwrapped === name || unwrapped.startsWith(`${name}.`)) : (unwrapped as FieldPath<T>);
    if (!field) continue;
    setError(field, { type: "server", message });
    placed += 1;
  }
  return placed;
}

/** Every server field error on its field; returns the message to show above the buttons. */
export function applyServerFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, nestedUnder?: string): string {
  placeServerFieldErrors(error, setError, { nestedUnder });
  return error instanceof Error ? error.message : String(error);
}

/** The server's messages for the listed fields next to them; returns the message for the form when none matched. */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T>, error: unknown, fields: ReadonlyArray<FieldPath<T>>): string | null {
  if (!(error instanceof ApiRequestError)) return error instanceof Error ? error.message : String(error);
  return placeServerFieldErrors(error, form.setError, { fields }) > 0 ? null : error.message;
}
