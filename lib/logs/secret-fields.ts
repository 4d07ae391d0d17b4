import type { FieldCatalog } from "./field-catalog";
import { findQueryFieldRefs } from "./query-fields";
import { secretFieldRule, type RedactionRule } from "./redact";

/**
 * Secret fields (those a field rule redacts) are never shown, so they must not be searched,
 * filtered or counted either: `authorization:Bearer\ eyJa*` would otherwise read a token out one
 * character at a time through the totals. Field patterns count as naming every field they expand
 * to in the index; `_exists_` stays allowed (presence only, which a redacted line shows anyway).
 * Header lists logged as pairs (`headers: [{ name: "Cookie", value: "…" }]`) are indexed as one
 * `headers.value` field whose values have lost their names, so such a field is secret as a whole.
 */

export interface SecretFieldUse {
  /** The field or pattern as the query names it. */
  field: string;
  /** The secret field it names (the pattern's match, or the field itself). */
  secret: string;
  rule: string;
  /** 1-based column in the query, when it came from one. */
  column?: number;
}

/** Why `use` is refused, in words the query box and the API show. */
export function describeSecretFieldUse(use: SecretFieldUse, verb = "searched, filtered or counted"): string {
  const where = use.column ? ` (column ${use.column})` : "";
  if (use.field !== use.secret) return `the field pattern ${use.field}${where} covers the secret field ${use.secret} (redaction rule ${use.rule}): name the fields to search instead`;
  return `${use.field}${where} is a secret field (redaction rule ${use.rule}): its values are redacted, so it cannot be ${verb}`;
}

const PAIR_NAMES = ["name", "key", "header", "Name", "Key", "Header"];
const PAIR_VALUES = new Set(["value", "values", "Value", "Values"]);

/** The rule that makes one concrete field secret: a field rule, or the value half of logged name/value pairs. */
export function secretRuleOf(field: string, catalog: FieldCatalog, rules: readonly RedactionRule[]): string | null {
  if (rules.length === 0) return null;
  const rule = secretFieldRule(field, rules);
  if (rule) return rule;
  const segments = field.split(".");
  for (let i = 1; i < segments.length; i++) {
    if (!PAIR_VALUES.has(segments[i]!)) continue;
    const owner = segments.slice(0, i).join(".");
    if (PAIR_NAMES.some((name) => catalog.fields.has(`${owner}.${name}`))) return "secret-pair";
  }
  return null;
}

/** The secret field `name` is, or the first secret field of the index a pattern covers. */
export function secretFieldUse(name: string, catalog: FieldCatalog, rules: readonly RedactionRule[]): SecretFieldUse | null {
  if (!name.includes("*")) {
    const rule = secretRuleOf(name, catalog, rules);
    return rule ? { field: name, secret: name, rule } : null;
  }
  const matches = patternMatcher(name);
  for (const field of catalog.fields.keys()) {
    if (!matches(field)) continue;
    const rule = secretRuleOf(field, catalog, rules);
    if (rule) return { field: name, secret: field, rule };
  }
  return null;
}

/** The first secret field a Lucene query names, by name or by pattern. */
export function findSecretQueryField(query: string, catalog: FieldCatalog, rules: readonly RedactionRule[]): SecretFieldUse | null {
  if (rules.length === 0) return null;
  for (const ref of findQueryFieldRefs(query)) {
    const use = secretFieldUse(ref.field, catalog, rules);
    if (use) return { ...use, column: ref.column };
  }
  return null;
}

/**
 * The fields bare terms search (query_string `fields`), without secret ones: a secret name is
 * dropped, and a pattern that covers one is replaced by the fields it matches that are not secret.
 */
export function withoutSecretFields(fields: readonly string[], catalog: FieldCatalog, rules: readonly RedactionRule[]): string[] {
  if (rules.length === 0) return [...fields];
  const kept = fields.flatMap((field) => {
    if (!field.includes("*")) return secretRuleOf(field, catalog, rules) ? [] : [field];
    if (!secretFieldUse(field, catalog, rules)) return [field];
    const matches = patternMatcher(field);
    return [...catalog.fields.keys()].filter((name) => matches(name) && !secretRuleOf(name, catalog, rules));
  });
  return [...new Set(kept)];
}

/** query_string's field patterns: `*` stands for any run of characters, dots included. */
function patternMatcher(pattern: string): (field: string) => boolean {
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return (field) => regex.test(field);
}
