/** The shape nuqs parsers share: single parsers read one string, multi parsers every repeated value. */
export type UrlStateParser =
  | { type?: "single"; parse: (value: string) => unknown }
  | { type: "multi"; parse: (values: ReadonlyArray<string>) => unknown };

export interface UrlStateProblem {
  /** The key in the view's state (what setState takes). */
  stateKey: string;
  /** The key in the URL (differs when the view uses urlKeys). */
  urlKey: string;
  /** What the URL held, shortened for display. */
  value: string;
}

const MAX_SHOWN = 40;

/**
 * nuqs quietly turns a value it cannot parse into the default. This finds those values, so a stale
 * or hand-edited link can say what it ignored instead of silently showing something else. A list
 * counts as unreadable when any of its items was dropped (nuqs keeps the items that parse; lists
 * are split on "," as parseAsArrayOf does by default).
 */
export function validateUrlState(
  parsers: Record<string, UrlStateParser>,
  search: URLSearchParams,
  urlKeys: Partial<Record<string, string>> = {},
): UrlStateProblem[] {
  const problems: UrlStateProblem[] = [];
  for (const [stateKey, parser] of Object.entries(parsers)) {
    const urlKey = urlKeys[stateKey] ?? stateKey;
    const values = search.getAll(urlKey);
    if (values.length === 0) continue;
    const raw = parser.type === "multi" ? values : values[0]!;
    if (!readsCompletely(parser, raw)) problems.push({ stateKey, urlKey, value: shorten(values.join(",")) });
  }
  return problems;
}

function readsCompletely(parser: UrlStateParser, raw: string | string[]): boolean {
  let parsed: unknown;
  try {
    parsed = parser.type === "multi" ? parser.parse(raw as string[]) : parser.parse(raw as string);
  } catch {
    return false;
  }
  if (parsed === null || parsed === undefined) return false;
  if (!Array.isArray(parsed)) return true;
  const items = Array.isArray(raw) ? raw.filter((item) => item !== "") : raw.split(",").filter((item) => item !== "");
  return parsed.length >= items.length;
}

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** The sentence the notice shows: which settings were ignored, and that defaults stand in. */
export function describeUrlStateProblems(problems: UrlStateProblem[]): string {
  const list = problems.map((problem) => `${problem.urlKey} "${problem.value}"`).join(", ");
  return `Some settings in this link could not be read (${list}); defaults are shown.`;
}
