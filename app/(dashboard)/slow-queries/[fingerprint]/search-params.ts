import { parseAsString } from "nuqs/server";
import { slowQueriesSearchParams } from "../search-params";

/** The fingerprint page: the panel's range, threshold and sources, plus the sample being explained. */
export const fingerprintSearchParams = {
  ...slowQueriesSearchParams,
  sample: parseAsString,
};
