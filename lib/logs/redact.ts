import { compileRulePattern, redactionRulesSchema } from "@/lib/schemas/redaction";
import { DEFAULT_REDACTION_RULES, redactionMarker, type FieldRedactionRule, type RedactionRule, type ValueRedactionRule } from "./default-redaction-rules";

export { DEFAULT_REDACTION_RULES, isPaymentCardNumber, redactionMarker } from "./default-redaction-rules";
export type { FieldRedactionRule, RedactionRule, ValueRedactionRule } from "./default-redaction-rules";

/**
 * Secret redaction for log documents, applied before any log line reaches the browser.
 * Every replacement reads "[REDACTED <rule name>]"; the card rule appends the last four digits.
 * The rules themselves, and why their patterns stay linear, are in default-redaction-rules.ts.
 */

export interface RedactionResult<T = unknown> {
  value: T;
  redactedCount: number;
}

interface CompiledRules {
  values: { rule: ValueRedactionRule; pattern: RegExp }[];
  fields: FieldRedactionRule[];
  numbers: Array<(value: number) => string | null>;
  /** Field path -> matching rule name (or null); key sets repeat across rows, so this pays off. */
  fieldCache: Map<string, string | null>;
}

const compiledCache = new WeakMap<readonly RedactionRule[], CompiledRules>();
const FIELD_CACHE_LIMIT = 5_000;
const MAX_DEPTH = 64;

function compile(rules: readonly RedactionRule[]): CompiledRules {
  let compiled = compiledCache.get(rules);
  if (compiled) return compiled;
  compiled = { values: [], fields: [], numbers: [], fieldCache: new Map() };
  for (const rule of rules) {
    if (rule.kind === "value") {
      // Always global for replace(); never sticky.
      const flags = rule.pattern.flags.replace(/[gy]/g, "") + "g";
      compiled.values.push({ rule, pattern: new RegExp(rule.pattern.source, flags) });
      if (rule.replaceNumber) compiled.numbers.push(rule.replaceNumber);
    } else {
      // test() on a global regex is stateful, so strip g/y.
      compiled.fields.push({ ...rule, field: new RegExp(rule.field.source, rule.field.flags.replace(/[gy]/g, "")) });
    }
  }
  compiledCache.set(rules, compiled);
  return compiled;
}

/**
 * The field rule naming `key` (under `parentPath`) secret, or null. Every dotted segment of the key
 * is tried with the path up to it, so a flat "http.request.headers.authorization" key, a nested
 * one, and the children of a secret object ("credentials.user") all answer the same.
 */
function fieldRuleFor(compiled: CompiledRules, parentPath: string, key: string): string | null {
  const path = parentPath ? `${parentPath}.${key}` : key;
  const cached = compiled.fieldCache.get(path);
  if (cached !== undefined) return cached;
  let name: string | null = null;
  let prefix = parentPath;
  for (const segment of key.split(".")) {
    prefix = prefix ? `${prefix}.${segment}` : segment;
    const hit = compiled.fields.find((rule) => rule.field.test(segment) || rule.field.test(prefix));
    if (hit) {
      name = hit.name;
      break;
    }
  }
  if (compiled.fieldCache.size >= FIELD_CACHE_LIMIT) compiled.fieldCache.clear();
  compiled.fieldCache.set(path, name);
  return name;
}

function redactString(text: string, compiled: CompiledRules, counter: { n: number }): string {
  let out = text;
  for (const { rule, pattern } of compiled.values) {
    if (rule.hint && !rule.hint.test(out)) continue;
    out = out.replace(pattern, (match: string, ...rest: unknown[]) => {
      const last = rest[rest.length - 1];
      const groups = typeof last === "object" && last !== null ? (last as Record<string, string | undefined>) : undefined;
      const replacement = rule.replace ? rule.replace(match) : `${groups?.pre ?? ""}${redactionMarker(rule.name)}`;
      if (replacement === null) return match;
      counter.n++;
      return replacement;
    });
  }
  return out;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function walk(value: unknown, path: string, depth: number, compiled: CompiledRules, counter: { n: number }): unknown {
  if (typeof value === "string") return redactString(value, compiled, counter);
  if (typeof value === "number") return compiled.numbers.length > 0 ? redactNumber(value, compiled, counter) : value;
  if (typeof value !== "object" || value === null) return value;
  if (depth > MAX_DEPTH) {
    // Deeper than any real log document (or a cycle): hide it rather than ship it unchecked.
    counter.n++;
    return redactionMarker("depth-limit");
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, path, depth + 1, compiled, counter));
  if (!isPlainObject(value)) return value;
  const pairRule = compiled.fields.length > 0 ? secretPairRule(value, compiled) : null;
  // fromEntries defines own properties, so a "__proto__" key from JSON stays a plain key.
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      const ruleName = compiled.fields.length > 0 ? (fieldRuleFor(compiled, path, key) ?? (pairRule && PAIR_VALUE_KEYS.has(key) ? pairRule : null)) : null;
      if (ruleName !== null && hasSecretContent(child)) {
        counter.n++;
        return [key, redactionMarker(ruleName)];
      }
      return [key, walk(child, path ? `${path}.${key}` : key, depth + 1, compiled, counter)];
    }),
  );
}

const PAIR_NAME_KEYS = ["name", "key", "header", "Name", "Key", "Header"];
const PAIR_VALUE_KEYS = new Set(["value", "values", "Value", "Values"]);

/** Header lists logged as pairs, `[{ name: "Cookie", value: "…" }]`: the rule that makes the value secret. */
function secretPairRule(object: Record<string, unknown>, compiled: CompiledRules): string | null {
  if (!("value" in object || "values" in object || "Value" in object || "Values" in object)) return null;
  for (const nameKey of PAIR_NAME_KEYS) {
    const name = object[nameKey];
    if (typeof name === "string" && name.length > 0 && name.length <= 256) return fieldRuleFor(compiled, "", name);
  }
  return null;
}

/** JSON numbers go through the rules that handle them (card numbers logged as numbers). */
function redactNumber(value: number, compiled: CompiledRules, counter: { n: number }): number | string {
  for (const replace of compiled.numbers) {
    const replaced = replace(value);
    if (replaced !== null) {
      counter.n++;
      return replaced;
    }
  }
  return value;
}

/** Null, empty strings and booleans (isSecret: true) carry nothing worth hiding. */
function hasSecretContent(value: unknown): boolean {
  return value !== null && value !== undefined && value !== "" && typeof value !== "boolean";
}

/** Returns a redacted deep copy of `doc` (never mutates it) and how many secrets were replaced. */
export function redactDocument<T = unknown>(doc: T, rules: readonly RedactionRule[] = DEFAULT_REDACTION_RULES): RedactionResult<T> {
  const counter = { n: 0 };
  const value = walk(doc, "", 0, compile(rules), counter) as T;
  return { value, redactedCount: counter.n };
}

/** Redacts free text (messages, stack traces) with the value rules; field rules do not apply. */
export function redactText(text: string, rules: readonly RedactionRule[] = DEFAULT_REDACTION_RULES): RedactionResult<string> {
  const counter = { n: 0 };
  const value = redactString(text, compile(rules), counter);
  return { value, redactedCount: counter.n };
}

/**
 * The name of the rule that makes `field` (a dotted path, as queries and aggregations name it)
 * a secret field, or null. Its values are never shown, so they must not be searched or counted.
 */
export function secretFieldRule(field: string, rules: readonly RedactionRule[] = DEFAULT_REDACTION_RULES): string | null {
  const compiled = compile(rules);
  return compiled.fields.length > 0 ? fieldRuleFor(compiled, "", field) : null;
}

/**
 * One value read from `field` (an aggregation key, a column): the marker when the field is
 * secret, else its text (or card number) redacted.
 */
export function redactFieldValue<T>(field: string, value: T, rules: readonly RedactionRule[] = DEFAULT_REDACTION_RULES): RedactionResult<T | string> {
  const compiled = compile(rules);
  const counter = { n: 0 };
  const ruleName = compiled.fields.length > 0 ? fieldRuleFor(compiled, "", field) : null;
  if (ruleName !== null && hasSecretContent(value)) return { value: redactionMarker(ruleName), redactedCount: 1 };
  const redacted = walk(value, field, 0, compiled, counter) as T | string;
  return { value: redacted, redactedCount: counter.n };
}

/**
 * Parses extra rules from configuration (an env var or settings): a JSON array of
 * `{ name, pattern, flags? }` or `{ name, field }`. Empty config means no extra rules.
 * Throws an Error whose message names each bad rule. Use with `[...DEFAULT_REDACTION_RULES, ...extra]`.
 */
export function parseRedactionRules(config: string): RedactionRule[] {
  if (config.trim() === "") return [];
  let json: unknown;
  try {
    json = JSON.parse(config);
  } catch (error) {
    throw new Error(`Invalid redaction rules: not valid JSON (${(error as Error).message})`);
  }
  const parsed = redactionRulesSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? `at [${issue.path.join(".")}]` : "";
      return [where, issue.message].filter(Boolean).join(" ");
    });
    throw new Error(`Invalid redaction rules: ${problems.join("; ")}`);
  }
  // The schema has already proved that every pattern compiles.
  return parsed.data.map((rule): RedactionRule =>
    rule.pattern !== undefined
      ? { kind: "value", name: rule.name, pattern: compileRulePattern(rule.pattern, `g${rule.flags ?? ""}`) as RegExp }
      : { kind: "field", name: rule.name, field: compileRulePattern(rule.field ?? "", "i") as RegExp },
  );
}
