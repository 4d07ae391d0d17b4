/** A log document as sorted dotted key/value pairs, for the expanded row's field list. */
export function flattenDocument(document: unknown, prefix = "", out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    if (prefix) out.push([prefix, document]);
    return out;
  }
  for (const [key, value] of Object.entries(document as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) flattenDocument(value, path, out);
    else out.push([path, value]);
  }
  if (!prefix) out.sort(([a], [b]) => a.localeCompare(b));
  return out;
}

/** Terms worth highlighting from a Lucene query: bare words, phrases and field values; not field names or operators. */
export function highlightTerms(query: string): string[] {
  const terms: string[] = [];
  // A token is an optional "field:" followed by a quoted phrase or a bare word.
  for (const match of query.matchAll(/(?:[\w.@-]+:)?(?:"([^"]+)"|([^\s()"]+))/g)) {
    const value = match[1] ?? match[2] ?? "";
    if (!match[1] && /^(AND|OR|NOT|TO|&&|\|\|)$/.test(value)) continue;
    terms.push(value.replace(/[*?\[\]{}]/g, ""));
  }
  return [...new Set(terms.filter((term) => term.length >= 2))];
}
