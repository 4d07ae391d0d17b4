import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { ApiRequestError } from "@/lib/queries/fetch-json";

/**
 * Puts the server's field errors (422, or a 409 naming fields changed meanwhile) on the form's
 * own fields. `nestedUnder` strips the wrapper an update body adds ("rule.", "contactPoint."),
 * so a create and an update name the same field. Returns the message to show above the buttons.
 */
export function applyServerFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, nestedUnder?: string): string {
  const fields = error instanceof ApiRequestError ? error.fields : undefined;
  for (const [path, message] of Object.entries(fields ?? {})) {
    const field = nestedUnder && path.startsWith(`${nestedUnder}.`) ? path.slice(nestedUnder.length + 1) : path;
    setError(field as FieldPath<T>, { type: "server", message });
  }
  return (error as Error).message;
}
