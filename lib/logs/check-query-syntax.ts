/**
 * Catches the Lucene query mistakes people make most, with the column they are at, before
 * the engine sees the query. The engine only parses a query on shards it searches, so with
 * no matching index a broken query would otherwise "succeed" silently.
 */
export type SyntaxCheck = { ok: true } | { ok: false; message: string; column: number };

const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSERS = new Set([")", "]", "}"]);
const OPERATOR_AT_END = /(?:^|\s)(AND|OR|NOT|&&|\|\|)\s*$/;
const OPERATOR_AT_START = /^\s*(AND|OR|&&|\|\|)(?:\s|$)/;

function fail(message: string, index: number): SyntaxCheck {
  return { ok: false, message: `${message} (column ${index + 1})`, column: index + 1 };
}

export function checkQuerySyntax(query: string): SyntaxCheck {
  const stack: Array<{ char: string; index: number }> = [];
  let quoteStart = -1;
  for (let index = 0; index < query.length; index++) {
    const char = query[index]!;
    if (char === "\\") {
      index++;
      continue;
    }
    if (quoteStart >= 0) {
      if (char === '"') quoteStart = -1;
      continue;
    }
    if (char === '"') quoteStart = index;
    else if (OPENERS[char]) stack.push({ char, index });
    else if (CLOSERS.has(char)) {
      const open = stack.pop();
      // Ranges may mix brackets: [a TO b} is valid Lucene.
      const isRange = (open?.char === "[" || open?.char === "{") && (char === "]" || char === "}");
      if (!open || (OPENERS[open.char] !== char && !isRange)) return fail(`unexpected "${char}"`, index);
    } else if ((char === "*" || char === "?") && (index === 0 || /[\s(:]/.test(query[index - 1]!))) {
      return fail("leading wildcards are not allowed: put at least one character before * or ?", index);
    }
  }
  if (quoteStart >= 0) return fail("a quote is never closed", quoteStart);
  const unclosed = stack.pop();
  if (unclosed) return fail(`"${unclosed.char}" is never closed`, unclosed.index);
  const end = OPERATOR_AT_END.exec(query);
  if (end) return fail(`the query ends with ${end[1]}: add a term after it`, query.lastIndexOf(end[1]!));
  const start = OPERATOR_AT_START.exec(query);
  if (start) return fail(`the query starts with ${start[1]}: add a term before it`, query.indexOf(start[1]!));
  if (/:\s*$/.test(query)) return fail("a field name has no value after its colon", query.lastIndexOf(":"));
  return { ok: true };
}
