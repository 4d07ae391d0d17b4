const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONG_HEX = /^(?=.*\d)[0-9a-f]{16,}$/i;
const ID = "{id}";

/** A path segment that names one thing rather than a route: a number, a UUID or a long hex id. */
export function isIdSegment(segment: string): boolean {
  return /^\d+$/.test(segment) || UUID.test(segment) || LONG_HEX.test(segment);
}

/**
 * The route a raw path was served by: numeric segments, UUIDs and long hex ids become `{id}`, so
 * `/api/users/4821` and `/api/users/77` are one endpoint. Numeric segments match the demo
 * generator's own templating exactly (lib/demo/services.ts), which the integration tests rely on.
 */
export function toRouteTemplate(path: string): string {
  // Loggers that write the request URL (pino-http's req.url) include the query; a route never does.
  return path
    .replace(/[?#].*$/s, "")
    .split("/")
    .map((segment) => (isIdSegment(segment) ? ID : segment))
    .join("/");
}

const HEX = "[0-9a-fA-F]";
const LETTER = "[a-fA-F]";
// Long hex with at least one digit, without lookahead or intersection (not in every engine's
// regexp flags): the first digit at position p, after p letters, with the length still at least 16.
const LONG_HEX_PATTERN = [
  ...Array.from({ length: 15 }, (_, p) => `${LETTER}{${p}}[0-9]${HEX}{${15 - p},}`),
  `${LETTER}{15,}[0-9]${HEX}*`,
].join("|");
const UUID_PATTERN = [8, 4, 4, 4, 12].map((length) => `${HEX}{${length}}`).join("-");
// What toRouteTemplate turns into {id}, and a literal "{id}" (which it keeps as it is).
const ID_SEGMENT_PATTERN = `([0-9]+|${UUID_PATTERN}|${LONG_HEX_PATTERN}|\\{id\\})`;

/** Lucene's regexp reserves most punctuation (and @ & ~ < > # with its default flags): escape all of it. */
const escapeLiteral = (text: string) => text.replace(/[^A-Za-z0-9]/g, (char) => `\\${char}`);

/**
 * A regular expression in the syntax of the engines' `regexp` query (implicitly anchored) that
 * matches exactly the paths whose toRouteTemplate is `template`. It lets the engine count one
 * endpoint's lines without scripts, e.g. when the raw-path ranking had to leave paths out.
 */
export function routeTemplatePattern(template: string): string {
  const path = template
    .split("/")
    .map((segment) => (segment === ID ? ID_SEGMENT_PATTERN : escapeLiteral(segment)))
    .join("\\/");
  // Raw request URLs (pino-http's req.url) carry a query or fragment that the template drops.
  return `${path}([\\?\\#].*)?`;
}
