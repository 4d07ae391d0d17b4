/**
 * The field names a Lucene query refers to, and the clause the sidebar adds for "include" and
 * "exclude". query_string quietly matches nothing for a misspelt field, so the server checks
 * these names against the index's fields and says which one is unknown, and where.
 */
export interface QueryFieldRef {
  field: string;
  /** 1-based column of the field name in the query. */
  column: number;
}

const TERM_BOUNDARY = /[\s()[\]{}"~^:]/;
const TERM_START = /[\s(+\-!]/;
const RANGE_CLOSE: Record<string, string> = { "[": "]", "{": "}" };
/** Lucene's special characters; `-` and `+` only matter at a term's start but escaping them is harmless. */
const SPECIAL = /[+\-=&|><!(){}[\]^"~*?:\\/\s]/g;

/** The field names a query names (not `_exists_`, not patterns), for the unknown-field check. */
export function findQueryFields(query: string): QueryFieldRef[] {
  return findQueryFieldRefs(query).flatMap(({ field, column, pattern }) => (pattern ? [] : [{ field, column }]));
}

/**
 * Every field reference before a colon, with `pattern: true` for field patterns (`http.\*:x`,
 * `*:x`), which query_string expands to every matching field. `_exists_` is left out: it tests
 * presence only, which a redacted line shows anyway.
 */
export function findQueryFieldRefs(query: string): Array<QueryFieldRef & { pattern: boolean }> {
  const refs: Array<QueryFieldRef & { pattern: boolean }> = [];
  let index = 0;
  while (index < query.length) {
    const char = query[index]!;
    if (char === '"' || (char === "/" && (index === 0 || /[\s(+\-!:]/.test(query[index - 1]!)))) {
      index = skipDelimited(query, index, char);
      continue;
    }
    if (RANGE_CLOSE[char]) {
      index = skipDelimited(query, index, RANGE_CLOSE[char]!, /[\]}]/);
      continue;
    }
    if (TERM_BOUNDARY.test(char) || TERM_START.test(char)) {
      index++;
      continue;
    }
    const start = index;
    let name = "";
    while (index < query.length && !TERM_BOUNDARY.test(query[index]!)) {
      if (query[index] === "\\" && index + 1 < query.length) index++;
      name += query[index];
      index++;
    }
    if (query[index] === ":" && name !== "_exists_") refs.push({ field: name, column: start + 1, pattern: /[*?]/.test(name) });
    if (query[index] === ":") index++;
  }
  return refs;
}

/** Index just past the closing delimiter (or the end), honouring backslash escapes. */
function skipDelimited(query: string, open: number, close: string, closers?: RegExp): number {
  for (let index = open + 1; index < query.length; index++) {
    if (query[index] === "\\") index++;
    else if (closers ? closers.test(query[index]!) : query[index] === close) return index + 1;
  }
  return query.length;
}

export function escapeQueryTerm(text: string): string {
  return text.replace(SPECIAL, (char) => `\\${char}`);
}

/** `field:"value"` (or `NOT field:"value"`) joined to the query with AND; a query with OR is parenthesised first. */
export function addFieldClause(query: string, field: string, value: string, negate = false): string {
  const term = `${escapeQueryTerm(field)}:"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;
  const clause = negate ? `NOT ${term}` : term;
  const opposite = negate ? term : `NOT ${term}`;
  const current = query.trim();
  if (!current) return clause;
  // Flipping include to exclude (or back) swaps the clause instead of adding a contradiction.
  if (current.endsWith(` AND ${opposite}`) || current === opposite) return `${current.slice(0, current.length - opposite.length)}${clause}`;
  if (current.endsWith(clause)) return current;
  const needsGroup = /\bOR\b|\|\|/.test(current);
  return `${needsGroup ? `(${current})` : current} AND ${clause}`;
}

/** The query box's default fields: the configured list, else the message and error fields of the mapping. */
export function resolveQueryFields(settings: { mapping: { message: string; errorMessage: string; errorType: string }; defaultQueryFields?: string[] }): string[] {
  if (settings.defaultQueryFields?.length) return settings.defaultQueryFields;
  return [...new Set([settings.mapping.message, settings.mapping.errorMessage, settings.mapping.errorType])];
}
