import { createLoader, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { REQUEST_DRILLDOWN_WINDOWS } from "@/lib/schemas/request-drilldown";

/**
 * The drilldown's URL state: the time the user came from, the window around it, and the hints
 * (user, method, path) the linking line carried; shared by the server page and the client view.
 */
export const requestSearchParams = {
  around: parseAsString,
  window: parseAsStringLiteral(REQUEST_DRILLDOWN_WINDOWS),
  user: parseAsString,
  method: parseAsString,
  path: parseAsString,
};

export const loadRequestSearchParams = createLoader(requestSearchParams);
