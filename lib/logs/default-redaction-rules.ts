/**
 * The built-in redaction rules (see redact.ts for how they are applied). Patterns are written so
 * that each start position scans a bounded or disjoint span of input (anchored prefixes,
 * lookbehind at run starts, atomic groups via `(?=(?<x>…))\k<x>`, bounded repeats), which keeps
 * the cost linear on large hostile strings.
 */

/** Regex over string values and free text. Named group `pre` is kept; the rest of the match is replaced. */
export interface ValueRedactionRule {
  kind: "value";
  name: string;
  pattern: RegExp;
  /** Custom replacement; return null to keep the match as it is (e.g. a number failing Luhn). */
  replace?: (match: string) => string | null;
  /** A cheap necessary condition: text it does not match is skipped (most values have no `=`, `:` or "eyJ"). */
  hint?: RegExp;
  /** Also applied to JSON numbers (a card number logged as a number); null keeps the number. */
  replaceNumber?: (value: number) => string | null;
}

/**
 * Regex over field names (each dotted segment, or the dotted path up to it); the whole value is
 * replaced. A field these rules name is a secret field: it cannot be searched or counted either.
 */
export interface FieldRedactionRule {
  kind: "field";
  name: string;
  field: RegExp;
}

export type RedactionRule = ValueRedactionRule | FieldRedactionRule;

export const redactionMarker = (name: string) => `[REDACTED ${name}]`;

// Secret names as suffixes, so db_password, githubToken, AWS_SECRET_ACCESS_KEY, secretKey,
// signing.key, user_passphrase and PHPSESSID are caught too (case-insensitive everywhere).
const KEY_OWNER = String.raw`(?:api|access|private|secret|signing|encryption|master|client)`;
const SECRET_NAME = String.raw`(?:pass(?:word|wd|phrase)|secret|token|${KEY_OWNER}[_.-]?key|apikey|credentials?|sess(?:ion)?[_.-]?id)`;
const HEADER_NAME = String.raw`(?:(?:proxy[-_]?)?authorization|(?:set[-_]?)?cookies?|x[-_]api[-_]key)`;
const TOKEN_CHAR = String.raw`[A-Za-z0-9\-._~+/]`;
// An auth-scheme credential must look like one: a digit or symbol, an upper-case letter after
// the first character, or 20+ letters. This spares prose such as "Bearer of bad news".
const LOOKS_LIKE_CREDENTIAL = String.raw`(?=${TOKEN_CHAR}*[0-9]|${TOKEN_CHAR}*[\-._~+/]${TOKEN_CHAR}|[A-Za-z0-9]${TOKEN_CHAR}*[A-Z]|[A-Za-z]{20})`;
// A value after `name:` or `name=`: up to the closing quote when the prefix ended in one, else one word.
const SECRET_VALUE = String.raw`(?:(?<=")(?:[^"\\\r\n]|\\.){1,512}(?=")|(?<=')(?:[^'\\\r\n]|\\.){1,512}(?=')|[^\s,;"'<>{}\[\]]{1,512})`;
const NAME_RUN_START = String.raw`(?<![A-Za-z0-9_.-])`;

// Frozen: compiled patterns are cached per rules array, so the array must not change.
export const DEFAULT_REDACTION_RULES: readonly RedactionRule[] = Object.freeze([
  { kind: "field", name: "auth-header", field: new RegExp(`^${HEADER_NAME}$`, "i") },
  { kind: "field", name: "secret-field", field: new RegExp(String.raw`${SECRET_NAME}$|^pwd$|^client[-_]?secret$`, "i") },
  {
    kind: "value",
    name: "url-credentials",
    hint: /:\/\//,
    // scheme://user:password@host — the user name stays visible, the password goes.
    pattern: /(?<pre>(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s/?#@:"'<>]{0,256}:)(?!\[REDACTED)[^\s/?#@"'<>]{1,256}(?=@)/g,
  },
  {
    kind: "value",
    name: "secret-json",
    hint: /:/,
    // "password": "…" inside serialised JSON or a Python-style repr.
    pattern: new RegExp(
      String.raw`(?<pre>(?<q>["'])[A-Za-z0-9_.-]{0,64}?(?:${SECRET_NAME}|authorization|cookie)\k<q>\s*:\s*\k<q>)(?!\[REDACTED)(?:(?!\k<q>)[^\\]|\\.)+`,
      "gi",
    ),
  },
  {
    kind: "value",
    name: "secret-pair",
    hint: /[:=]/,
    // Header lists serialised as name/value pairs: {"name":"Cookie","value":"…"}, {key: 'Authorization', value: '…'}.
    pattern: new RegExp(
      String.raw`(?<pre>(?<![A-Za-z0-9_])(?:name|key|header)["']?[ \t]*[:=][ \t]*["'](?:[A-Za-z0-9_.-]{0,64}?${SECRET_NAME}|${HEADER_NAME})["'][ \t]*,[ \t]*["']?value["']?[ \t]*[:=][ \t]*["']?)(?!\[REDACTED)${SECRET_VALUE}`,
      "gi",
    ),
  },
  {
    kind: "value",
    name: "auth-header-line",
    hint: /:/,
    // "Authorization: Basic …" / "Cookie: a=b" header lines in free text: the rest of the line goes.
    pattern: /(?<pre>(?<![A-Za-z0-9_-])(?:(?:proxy-)?authorization|(?:set-)?cookie|x-api-key)[ \t]*:[ \t]*)(?![\s"']|\[REDACTED)[^\r\n"]+/gi,
  },
  {
    kind: "value",
    name: "secret-param",
    hint: /=/,
    // key=value pairs in URLs, form bodies, env dumps and log text. Generic names (key, sig, pwd,
    // pass) only count inside a query string, so "cache key=user:42" or "PWD=/app" stay readable.
    pattern: new RegExp(
      String.raw`(?<pre>(?:${NAME_RUN_START}[A-Za-z0-9_.-]{0,64}?${SECRET_NAME}|(?<=[?&;])(?:key|sig|signature|pwd|pass))=)(?!\[REDACTED)[^\s&#"'<>;,?]+`,
      "gi",
    ),
  },
  {
    kind: "value",
    name: "secret-text",
    hint: /:/,
    // "password: hunter2", "token: 'abc'", "X-Auth-Token: …" in free text: the word (or quoted text) after the colon.
    pattern: new RegExp(String.raw`(?<pre>${NAME_RUN_START}[A-Za-z0-9_.-]{0,64}?${SECRET_NAME}[ \t]*:[ \t]*["']?)(?!\[REDACTED)${SECRET_VALUE}`, "gi"),
  },
  {
    kind: "value",
    name: "bearer",
    hint: /earer|EARER/,
    pattern: new RegExp(String.raw`(?<pre>\b(?:Bearer|bearer|BEARER)[ \t]+)(?=[A-Za-z0-9])${LOOKS_LIKE_CREDENTIAL}(?=(?<tok>${TOKEN_CHAR}+))\k<tok>=*`, "g"),
  },
  {
    kind: "value",
    name: "basic-auth",
    hint: /asic|ASIC/,
    pattern: new RegExp(
      String.raw`(?<pre>\b(?:Basic|basic|BASIC)[ \t]+)(?=[A-Za-z0-9+/=]{8})(?=[A-Za-z0-9+/]*[0-9+/=]|[A-Za-z0-9][A-Za-z0-9+/]*[A-Z])(?=(?<tok>[A-Za-z0-9+/]+))\k<tok>={0,2}`,
      "g",
    ),
  },
  {
    kind: "value",
    name: "jwt",
    hint: /eyJ/,
    // Three base64url segments, the first a JSON header ("eyJ" = '{"'); the signature may be empty (alg none).
    pattern: /(?<![A-Za-z0-9_-])eyJ(?=(?<h>[A-Za-z0-9_-]+))\k<h>\.(?=(?<p>[A-Za-z0-9_-]+))\k<p>\.(?=(?<s>[A-Za-z0-9_-]*))\k<s>/g,
  },
  {
    kind: "value",
    name: "card",
    hint: /\d{4}/,
    // 13–19 digits, either contiguous or grouped 4-4-4-x / 4-6-5 with one consistent separator.
    pattern: /(?<![\w.])(?:\d{13,19}|\d{4}(?<s1>[ -])\d{4}\k<s1>\d{4}\k<s1>\d{1,4}|\d{4}(?<s2>[ -])\d{6}\k<s2>\d{4,5})(?![\w]|\.\d)/g,
    replace: (match) => redactCardDigits(match.replace(/\D/g, "")),
    // Integers beyond 2^53 have lost digits in JSON parsing already, so only safe ones are checked.
    replaceNumber: (value) => (value >= 1e12 && Number.isSafeInteger(value) ? redactCardDigits(String(value)) : null),
  },
]);

/** "[REDACTED card ••••1111]" for a card number's digits, null for anything else. */
export function redactCardDigits(digits: string): string | null {
  return isPaymentCardNumber(digits) ? `[REDACTED card ••••${digits.slice(-4)}]` : null;
}

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
