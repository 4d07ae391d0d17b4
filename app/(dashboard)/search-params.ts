import { createLoader, parseAsArrayOf, parseAsString } from "nuqs/server";
import { timeParsers } from "@/lib/url-state/time-parsers";

/** The overview's URL state; shared by the server page and the client view. */
export const overviewSearchParams = {
  ...timeParsers,
  service: parseAsArrayOf(parseAsString).withDefault([]),
  environment: parseAsArrayOf(parseAsString).withDefault([]),
  source: parseAsArrayOf(parseAsString).withDefault([]),
};

export const loadOverviewSearchParams = createLoader(overviewSearchParams);
