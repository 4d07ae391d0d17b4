/**
 * A small SQL lexer for what the real parser cannot do for us: JDBC `?` placeholders, binding
 * logged `$n` parameters, and grouping statements the parser rejects. It knows exactly enough of
 * PostgreSQL's lexical rules (quotes, E'' strings, dollar quotes, comments) not to mistake a `?`
 * or `$1` inside a literal for a placeholder.
 */
export type SqlTokenKind = "word" | "quoted" | "string" | "number" | "param" | "placeholder" | "comment" | "space" | "punct";

export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
}

const WORD = /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y;
const NUMBER = /(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/y;
const PARAM = /\$\d+/y;
const DOLLAR_TAG = /\$(?:[A-Za-z_][\w]*)?\$/y;
const SPACE = /\s+/y;

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0] : null;
}

/** The end of a quoted run starting at `at` (the opening quote), doubling as the escape; backslashes too when `backslash`. */
function quotedEnd(text: string, at: number, quote: string, backslash: boolean): number {
  let i = at + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (backslash && c === "\\") i += 2;
    else if (c === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

/** Splits SQL into tokens; never throws, an unterminated literal runs to the end. */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const push = (kind: SqlTokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end) });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    const space = matchAt(SPACE, sql, i);
    if (space) push("space", i + space.length);
    else if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      push("comment", end < 0 ? sql.length : end);
    } else if (c === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      push("comment", end < 0 ? sql.length : end + 2);
    } else if (c === "'") push("string", quotedEnd(sql, i, "'", false));
    else if ((c === "E" || c === "e") && next === "'") push("string", quotedEnd(sql, i + 1, "'", true));
    else if (c === '"') push("quoted", quotedEnd(sql, i, '"', false));
    else if (c === "$") {
      const param = matchAt(PARAM, sql, i);
      const tag = param ? null : matchAt(DOLLAR_TAG, sql, i);
      if (param) push("param", i + param.length);
      else if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        push("string", end < 0 ? sql.length : end + tag.length);
      } else push("punct", i + 1);
    } else if (c === "?") push("placeholder", i + 1);
    else {
      const number = /\d|\./.test(c) ? matchAt(NUMBER, sql, i) : null;
      const word = number ? null : matchAt(WORD, sql, i);
      if (number) push("number", i + number.length);
      else if (word) push("word", i + word.length);
      else push("punct", i + 1);
    }
  }
  return tokens;
}

/** JDBC-style `?` placeholders as `$1, $2…`, so the PostgreSQL parser accepts the statement. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return tokenizeSql(sql)
    .map((token) => (token.kind === "placeholder" ? `$${++n}` : token.text))
    .join("");
}

/** `$n` replaced by logged parameter values (already SQL literals, as PostgreSQL's DETAIL line prints them). */
export function bindParameters(sql: string, values: readonly string[]): string {
  return tokenizeSql(sql)
    .map((token) => {
      if (token.kind !== "param") return token.text;
      const value = values[Number(token.text.slice(1)) - 1];
      return value === undefined ? token.text : value;
    })
    .join("");
}

/** The highest `$n` a statement uses (0 when none): a statement with parameters but no values cannot be planned as is. */
export function highestParameter(sql: string): number {
  return tokenizeSql(sql).reduce((max, token) => (token.kind === "param" ? Math.max(max, Number(token.text.slice(1))) : max), 0);
}
