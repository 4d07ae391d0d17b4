import { compileRulePattern, redactionRulesSchema } from "@/lib/schemas/redaction";

/**
 * Secret redaction for log documents, applied before any log line reaches the browser.
 * Every replacement reads "[REDACTED <rule name>]"; the card rule appends the last four digits.
 * Patterns are written so that each start position scans a bounded or disjoint span of input
 * (anchored prefixes, lookbehind at run starts, atomic groups via `(?=(?<x>…))\k<x>`), which
 * keeps the cost linear on large hostile strings.
 */

/** Regex over string values and free text. Named group `pre` is kept; the rest of the match is replaced. */
export interface ValueRedactionRule {
  kind: "value";
  name: string;
  pattern: RegExp;
  /** Custom replacement; return null to keep the match as it is (e.g. a number failing Luhn). */
  replace?: (match: string) => string | null;
}

/** Regex over field names (the last dotted segment, or the full dotted path); the whole value is replaced. */
export interface FieldRedactionRule {
  kind: "field";
  name: string;
  field: RegExp;
}

export type RedactionRule = ValueRedactionRule | FieldRedactionRule;

export interface RedactionResult<T = unknown> {
  value: T;
  redactedCount: number;
}

export const redactionMarker = (name: string) => `[REDACTED ${name}]`;

const SECRET_NAME = String.raw`(?:password|passwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?)`;
const TOKEN_CHAR = String.raw`[A-Za-z0-9\-._~+/]`;
// An auth-scheme credential must look like one: a digit or symbol, an upper-case letter after
// the first character, or 20+ letters. This spares prose such as "Bearer of bad news".
const LOOKS_LIKE_CREDENTIAL = String.raw`(?=${TOKEN_CHAR}*[0-9]|${TOKEN_CHAR}*[\-._~+/]${TOKEN_CHAR}|[A-Za-z0-9]${TOKEN_CHAR}*[A-Z]|[A-Za-z]{20})`;

// Frozen: compiled patterns are cached per rules array, so the array must not change.
export const DEFAULT_REDACTION_RULES: readonly RedactionRule[] = Object.freeze([
  {
    kind: "field",
    name: "auth-header",
    field: /^(?:proxy[-_]?)?authorization$|^(?:set[-_]?)?cookie$|^x[-_]api[-_]key$/i,
  },
  {
    kind: "field",
    name: "secret-field",
    // Suffix match so db_password, githubToken, AWS_SECRET_ACCESS_KEY are caught too.
    field: new RegExp(String.raw`${SECRET_NAME}$|^pwd$|^client[-_]?secret$`, "i"),
  },
  {
    kind: "value",
    name: "url-credentials",
    // scheme://user:password@host — the user name stays visible, the password goes.
    pattern: /(?<pre>(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s/?#@:"'<>]{0,256}:)(?!\[REDACTED)[^\s/?#@"'<>]{1,256}(?=@)/g,
  },
  {
    kind: "value",
    name: "secret-json",
    // "password": "…" inside serialised JSON or a Python-style repr.
    pattern: new RegExp(
      String.raw`(?<pre>(?<q>["'])[A-Za-z0-9_.-]{0,64}?(?:${SECRET_NAME}|authorization|cookie)\k<q>\s*:\s*\k<q>)(?!\[REDACTED)(?:(?!\k<q>)[^\\]|\\.)+`,
      "gi",
    ),
  },
  {
    kind: "value",
    name: "auth-header-line",
    // "Authorization: Basic …" / "Cookie: a=b" header lines in free text: the rest of the line goes.
    pattern: /(?<pre>(?<![A-Za-z0-9_-])(?:(?:proxy-)?authorization|(?:set-)?cookie|x-api-key)[ \t]*:[ \t]*)(?![\s"']|\[REDACTED)[^\r\n"]+/gi,
  },
  {
    kind: "value",
    name: "secret-param",
    // key=value pairs in URLs, form bodies and log text. Generic names (key, sig, pwd, pass)
    // only count inside a query string, so "cache key=user:42" or "PWD=/app" stay readable.
    pattern: new RegExp(
      String.raw`(?<pre>(?:(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{0,64}?${SECRET_NAME}|(?<=[?&;])(?:key|sig|signature|pwd|pass))=)(?!\[REDACTED)[^\s&#"'<>;,]+`,
      "gi",
    ),
  },
  {
    kind: "value",
    name: "bearer",
    pattern: new RegExp(String.raw`(?<pre>\b(?:Bearer|bearer|BEARER)[ \t]+)(?=[A-Za-z0-9])${LOOKS_LIKE_CREDENTIAL}(?=(?<tok>${TOKEN_CHAR}+))\k<tok>=*`, "g"),
  },
  {
    kind: "value",
    name: "basic-auth",
    pattern: new RegExp(
      String.raw`(?<pre>\b(?:Basic|basic|BASIC)[ \t]+)(?=[A-Za-z0-9+/=]{8})(?=[A-Za-z0-9+/]*[0-9+/=]|[A-Za-z0-9][A-Za-z0-9+/]*[A-Z])(?=(?<tok>[A-Za-z0-9+/]+))\k<tok>={0,2}`,
      "g",
    ),
  },
  {
    kind: "value",
    name: "jwt",
    // Three base64url segments, the first a JSON header ("eyJ" = '{"'); the signature may be empty (alg none).
    pattern: /(?<![A-Za-z0-9_-])eyJ(?=(?<h>[A-Za-z0-9_-]+))\k<h>\.(?=(?<p>[A-Za-z0-9_-]+))\k<p>\.(?=(?<s>[A-Za-z0-9_-]*))\k<s>/g,
  },
  {
    kind: "value",
    name: "card",
    // 13–19 digits, either contiguous or grouped 4-4-4-x / 4-6-5 with one consistent separator.
    pattern: /(?<![\w.])(?:\d{13,19}|\d{4}(?<s1>[ -])\d{4}\k<s1>\d{4}\k<s1>\d{1,4}|\d{4}(?<s2>[ -])\d{6}\k<s2>\d{4,5})(?![\w]|\.\d)/g,
    replace: (match) => {
      const digits = match.replace(/\D/g, "");
      return isPaymentCardNumber(digits) ? `[REDACTED card ••••${digits.slice(-4)}]` : null;
    },
  },
]);

/**
 * True for 13–19 digit strings that pass Luhn and start like a card of a major network
 * (Visa 4, Mastercard 51–55/2221–2720, Amex/Diners/JCB 3x, Discover/UnionPay/Maestro 5x/6).
 * The prefix check keeps epoch millis ("17…"), which pass Luhn one time in ten, readable.
 */
export function isPaymentCardNumber(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  const prefix4 = Number(digits.slice(0, 4));
  const first = digits[0];
  const second = digits[1];
  const plausible =
    first === "4" ||
    first === "6" ||
    (first === "3" && second !== "1" && second !== "2" && second !== "3") ||
    (first === "5" && second !== "9") ||
    (prefix4 >= 2221 && prefix4 <= 2720);
  return plausible && luhnValid(digits);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

interface CompiledRules {
  values: { rule: ValueRedactionRule; pattern: RegExp }[];
  fields: FieldRedactionRule[];
  /** Field path -> matching rule name (or null); key sets repeat across rows, so this pays off. */
  fieldCache: Map<string, string | null>;
}

const compiledCache = new WeakMap<readonly RedactionRule[], CompiledRules>();
const FIELD_CACHE_LIMIT = 5_000;
const MAX_DEPTH = 64;

function compile(rules: readonly RedactionRule[]): CompiledRules {
  let compiled = compiledCache.get(rules);
  if (compiled) return compiled;
  compiled = { values: [], fields: [], fieldCache: new Map() };
  for (const rule of rules) {
    if (rule.kind === "value") {
      // Always global for replace(); never sticky.
      const flags = rule.pattern.flags.replace(/[gy]/g, "") + "g";
      compiled.values.push({ rule, pattern: new RegExp(rule.pattern.source, flags) });
    } else {
      // test() on a global regex is stateful, so strip g/y.
      compiled.fields.push({ ...rule, field: new RegExp(rule.field.source, rule.field.flags.replace(/[gy]/g, "")) });
    }
  }
  compiledCache.set(rules, compiled);
  return compiled;
}

function fieldRuleFor(compiled: CompiledRules, path: string, key: string): string | null {
  const cached = compiled.fieldCache.get(path);
  if (cached !== undefined) return cached;
  const segment = key.slice(key.lastIndexOf(".") + 1);
  const hit = compiled.fields.find((rule) => rule.field.test(segment) || rule.field.test(path));
  const name = hit ? hit.name : null;
  if (compiled.fieldCache.size >= FIELD_CACHE_LIMIT) compiled.fieldCache.clear();
  compiled.fieldCache.set(path, name);
  return name;
}

function redactString(text: string, compiled: CompiledRules, counter: { n: number }): string {
  let out = text;
  for (const { rule, pattern } of compiled.values) {
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
  if (typeof value !== "object" || value === null) return value;
  if (depth > MAX_DEPTH) {
    // Deeper than any real log document (or a cycle): hide it rather than ship it unchecked.
    counter.n++;
    return redactionMarker("depth-limit");
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, path, depth + 1, compiled, counter));
  if (!isPlainObject(value)) return value;
  // fromEntries defines own properties, so a "__proto__" key from JSON stays a plain key.
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      const childPath = path ? `${path}.${key}` : key;
      const ruleName = compiled.fields.length > 0 ? fieldRuleFor(compiled, childPath, key) : null;
      if (ruleName !== null && hasSecretContent(child)) {
        counter.n++;
        return [key, redactionMarker(ruleName)];
      }
      return [key, walk(child, childPath, depth + 1, compiled, counter)];
    }),
  );
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
