import { createLoader, parseAsArrayOf, parseAsString } from "nuqs/server";

/** The overview's URL state; shared by the server page and the client view. */
export const overviewSearchParams = {
  from: parseAsString.withDefault("now-1h"),
  to: parseAsString.withDefault("now"),
  service: parseAsArrayOf(parseAsString).withDefault([]),
};

export const loadOverviewSearchParams = createLoader(overviewSearchParams);
