/** Longest correlation ID the drilldown accepts, in characters (code points). */
export const CORRELATION_ID_MAX_LENGTH = 256;

// C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators: none belong in an ID,
// and each can split a log line or a header in two.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Why `id` (already trimmed) cannot be a correlation ID, in words a user can act on; null when it can.
 * The zod schema and any caller that must answer 400 share this one rule.
 */
export function describeCorrelationIdProblem(id: string): string | null {
  if (id.length === 0) return "Request ID is empty: paste an X-Request-ID or trace ID.";
  const length = [...id].length;
  if (length > CORRELATION_ID_MAX_LENGTH) {
    return `Request ID is too long: ${length} characters, at most ${CORRELATION_ID_MAX_LENGTH}.`;
  }
  const control = CONTROL_CHARACTER.exec(id);
  if (control) {
    const code = control[0].codePointAt(0) ?? 0;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    return `Request ID contains a control character (${name} at position ${control.index + 1}): paste the ID alone.`;
  }
  return null;
}
