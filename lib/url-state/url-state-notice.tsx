"use client";

import type { ParserMap, UrlKeys } from "nuqs";
import { useUrlStateNotice } from "./use-url-state-notice";
import { describeUrlStateProblems } from "./validate-url-state";

/**
 * Says which parts of a stale or hand-edited link were ignored, instead of silently showing
 * something else. Pass the same parsers (and urlKeys) the view reads its state with.
 */
export function UrlStateNotice<P extends ParserMap>({ parsers, urlKeys }: { parsers: P; urlKeys?: UrlKeys<P> }) {
  const { problems, clear } = useUrlStateNotice(parsers, { urlKeys });
  if (problems.length === 0) return null;
  return (
    <div className="banner banner-warning url-state-notice" role="status" data-testid="url-state-notice">
      <span>{describeUrlStateProblems(problems)}</span>{" "}
      <button type="button" className="link-button" onClick={clear}>Remove them from the link</button>
    </div>
  );
}
