import { createLoader, parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { SLOW_QUERY_SORTS } from "@/lib/schemas/slow-queries";
import { timeParsers } from "@/lib/url-state/time-parsers";

/** The slow-query panel's URL state (shared by its page and the fingerprint page); no threshold means the configured one. */
export const slowQueriesSearchParams = {
  ...timeParsers,
  threshold: parseAsInteger,
  sort: parseAsStringLiteral(SLOW_QUERY_SORTS).withDefault("total"),
  service: parseAsArrayOf(parseAsString).withDefault([]),
  source: parseAsArrayOf(parseAsString).withDefault([]),
};

export const loadSlowQueriesSearchParams = createLoader(slowQueriesSearchParams);
