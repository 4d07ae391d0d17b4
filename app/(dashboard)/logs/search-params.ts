import { createLoader, createParser, parseAsArrayOf, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { MAX_CURSOR_LENGTH } from "@/lib/schemas/log-search";
import { STATUS_CLASSES } from "@/lib/schemas/status-class";
import { timeParsers } from "@/lib/url-state/time-parsers";

/** A string the API would accept; anything else reads as "not set" so the URL-state notice names it. */
const parseAsBoundedString = (max: number, pattern?: RegExp) =>
  createParser<string>({
    parse: (value) => (value.length <= max && (!pattern || pattern.test(value)) ? value : null),
    serialize: (value) => value,
  });

const token = parseAsBoundedString(128, /^\S(.*\S)?$/);
const fieldName = parseAsBoundedString(256, /^[^\s,]+$/);

export const PAGE_SIZES = [50, 100, 200, 500] as const;

/**
 * The explorer's whole view state, shared by the server page and the client view: time (the
 * shared parsers), query, filters, columns, sort, page size, page cursor and the open line.
 */
export const logsSearchParams = {
  ...timeParsers,
  /** The one source the explorer reads; unset reads the first enabled source. */
  source: parseAsBoundedString(64, /^[a-z0-9][a-z0-9_-]*$/),
  q: parseAsBoundedString(4000).withDefault(""),
  service: parseAsArrayOf(token).withDefault([]),
  environment: parseAsArrayOf(token).withDefault([]),
  level: parseAsArrayOf(token).withDefault([]),
  status: parseAsArrayOf(parseAsStringLiteral(STATUS_CLASSES)).withDefault([]),
  columns: parseAsArrayOf(fieldName).withDefault([]),
  order: parseAsStringLiteral(["desc", "asc"] as const).withDefault("desc"),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(100),
  cursor: parseAsBoundedString(MAX_CURSOR_LENGTH, /^[A-Za-z0-9_-]+$/),
  line: parseAsBoundedString(512),
};

export const loadLogsSearchParams = createLoader(logsSearchParams);
