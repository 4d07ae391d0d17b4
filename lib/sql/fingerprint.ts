import { fingerprintSync, loadModule, normalizeSync } from "libpg-query";
import { stripSqlCommenter } from "./sqlcommenter";
import { numberPlaceholders, tokenizeSql } from "./sql-tokens";

/**
 * Statement fingerprints from PostgreSQL's own parser (libpg-query, WebAssembly): literals,
 * IN-list lengths, comments and spacing do not change a fingerprint, a different column list does.
 * Server code only: the module is kept out of the browser bundle (it is a server external package).
 */
export interface StatementFingerprint {
  /** 16 hex digits; the same for every statement that differs only in literals, comments or layout. */
  fingerprint: string;
  /** The statement with literals as `$1, $2…`, as shown in the panel. */
  normalized: string;
  /** False when PostgreSQL's parser rejected the statement and the tokenizer fallback grouped it. */
  parsed: boolean;
  /** The parser's message when it rejected the statement. */
  parseError?: string;
}

/** Longer statements are grouped by their first part: bounded work per statement, whatever a log holds. */
export const MAX_FINGERPRINT_INPUT = 65_536;

let loading: Promise<void> | null = null;

/** Loads the parser once per process; every fingerprint call needs it done first. */
export function loadSqlParser(): Promise<void> {
  loading ??= loadModule().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** The fingerprint of one statement; call (and await) `loadSqlParser()` once before. */
export function fingerprintStatement(statement: string): StatementFingerprint {
  const sql = stripSqlCommenter(statement.slice(0, MAX_FINGERPRINT_INPUT)).trim();
  const first = tryParser(sql);
  if (first.ok) return first.value;
  // JDBC and many drivers log `?` placeholders, which PostgreSQL's grammar does not know.
  if (sql.includes("?")) {
    const numbered = tryParser(numberPlaceholders(sql));
    if (numbered.ok) return numbered.value;
  }
  return { ...fallbackFingerprint(sql), parsed: false, parseError: first.error };
}

function tryParser(sql: string): { ok: true; value: StatementFingerprint } | { ok: false; error: string } {
  try {
    return { ok: true, value: { fingerprint: fingerprintSync(sql), normalized: normalizeSync(sql).trim(), parsed: true } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const LITERAL_KINDS = new Set(["string", "number", "param", "placeholder"]);

/**
 * Grouping for statements the parser rejects: keywords and names in lower case, every literal a
 * placeholder, lists of placeholders as one, comments and spacing dropped, then hashed.
 */
export function fallbackFingerprint(sql: string): { fingerprint: string; normalized: string } {
  const parts: string[] = [];
  const shown: string[] = [];
  let n = 0;
  for (const token of tokenizeSql(sql)) {
    if (token.kind === "space" || token.kind === "comment") continue;
    if (LITERAL_KINDS.has(token.kind)) {
      // `(1, 2, 3)` and `(4, 5)` are one group, as the parser's fingerprint has them.
      const listed = parts.length >= 2 && parts[parts.length - 1] === "," && parts[parts.length - 2] === "?";
      if (listed) {
        parts.pop();
        shown.pop();
        continue;
      }
      parts.push("?");
      shown.push(`$${++n}`);
      continue;
    }
    const text = token.kind === "word" ? token.text.toLowerCase() : token.text;
    parts.push(text);
    shown.push(token.kind === "word" ? token.text : token.text);
  }
  return { fingerprint: fnv1a64(`fallback\n${parts.join(" ")}`), normalized: joinShown(shown) };
}

function joinShown(tokens: string[]): string {
  return tokens.join(" ").replace(/ ([,)]) ?/g, "$1 ").replace(/\( /g, "(").replace(/ +/g, " ").trim();
}

function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}
