import { z } from "zod";

/** Compiles a user pattern, or returns why it cannot be used. Shared by the schema and the redactor. */
export function compileRulePattern(source: string, flags: string): RegExp | string {
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  // A pattern that matches "" would stamp a marker between every character.
  if (regex.test("")) return "must not match an empty string";
  return regex;
}

/**
 * A user-defined redaction rule: either `pattern` (a regex over string values and free text)
 * or `field` (a regex over field names; the whole value of a matching field is replaced).
 */
export const redactionRuleSchema = z
  .object({
    // The name ends up inside "[REDACTED <name>]", so keep it short and bracket-free.
    name: z
      .string()
      .trim()
      .min(1, "name is required")
      .max(40)
      .regex(/^[A-Za-z0-9_.-]+$/, "name uses letters, digits, _ . - only"),
    pattern: z.string().min(1).max(500).optional(),
    field: z.string().min(1).max(500).optional(),
    /** Extra flags for `pattern` (g is always added; field patterns are always case-insensitive). */
    flags: z
      .string()
      .regex(/^[imsu]*$/, "flags may only contain i, m, s, u")
      .optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const label = `rule "${rule.name}"`;
    if ((rule.pattern === undefined) === (rule.field === undefined)) {
      ctx.addIssue({ code: "custom", message: `${label} needs exactly one of "pattern" or "field"` });
      return;
    }
    const key = rule.pattern !== undefined ? "pattern" : "field";
    const source = rule.pattern ?? rule.field ?? "";
    const compiled = compileRulePattern(source, key === "pattern" ? `g${rule.flags ?? ""}` : "i");
    if (typeof compiled === "string") ctx.addIssue({ code: "custom", path: [key], message: `${label}: ${key} ${compiled}` });
  });

export const redactionRulesSchema = z.array(redactionRuleSchema).max(100);

export type RedactionRuleConfig = z.infer<typeof redactionRuleSchema>;
