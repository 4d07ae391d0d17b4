import "server-only";
import { DEFAULT_REDACTION_RULES, parseRedactionRules, type RedactionRule } from "@/lib/logs/redact";

let cached: { key: string; rules: readonly RedactionRule[] } | undefined;

/**
 * Redaction is on unless REDACTION=off; REDACTION_RULES (JSON) adds patterns. The list is
 * built once per configuration because the redactor caches compiled patterns per array.
 */
export function activeRedactionRules(): readonly RedactionRule[] {
  if (process.env.REDACTION === "off") return [];
  const extra = process.env.REDACTION_RULES ?? "";
  if (cached?.key !== extra) cached = { key: extra, rules: [...DEFAULT_REDACTION_RULES, ...parseRedactionRules(extra)] };
  return cached.rules;
}
