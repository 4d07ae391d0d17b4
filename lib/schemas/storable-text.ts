import { z } from "zod";

// C0 controls, DEL and C1 controls. Postgres text and jsonb cannot hold NUL at all; the others
// are refused because nothing a person types into a name, title or setting needs them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// Multi-line text (notes, descriptions) keeps tab, line feed and carriage return.
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
// An unpaired surrogate: UTF-8 cannot encode it, so Postgres would get U+FFFD (text) or refuse it (jsonb).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const NAMES: Record<number, string> = { 0: "NUL", 9: "tab", 10: "line feed", 13: "carriage return", 27: "escape", 127: "DEL" };

export interface StorableTextOptions {
  /** Most characters (UTF-16 code units, as zod counts them). */
  max: number;
  /** Allow tab, line feed and carriage return (notes, descriptions). Default false. */
  multiline?: boolean;
  /** Trim surrounding whitespace first. Default true. */
  trim?: boolean;
}

/** Why Postgres cannot store `text` (or a person should not see it), or null when it can. */
export function describeUnstorableText(text: string, options: { multiline?: boolean } = {}): string | null {
  const control = (options.multiline ? CONTROL_EXCEPT_LINES : CONTROL).exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!;
    const name = NAMES[code] ? ` (${NAMES[code]})` : "";
    return `contains the control character U+${code.toString(16).toUpperCase().padStart(4, "0")}${name} at position ${control.index + 1}; remove it`;
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `contains a broken character (an unpaired UTF-16 surrogate) at position ${surrogate.index + 1}; remove it`;
  return null;
}

/**
 * The one schema for every string that is saved to Postgres (names, emails, settings, rule names,
 * notes, titles): trimmed, bounded, and free of what Postgres cannot hold, refused with a message on
 * that field. Chain `.min()`, `.regex()`, `.email()` on the result as usual.
 */
export function storableText(options: StorableTextOptions): z.ZodString {
  const base = options.trim === false ? z.string() : z.string().trim();
  return base
    .check((context) => {
      const problem = describeUnstorableText(context.value, options);
      // Aborts so later checks (email format, regex) do not bury the reason under a vaguer one.
      if (problem) context.issues.push({ code: "custom", message: problem, input: context.value, continue: false });
    })
    .max(options.max, `at most ${options.max.toLocaleString("en-US")} characters`);
}
