"use client";

import { useSearchParams } from "next/navigation";
import { useQueryStates, type ParserMap, type UrlKeys } from "nuqs";
import { useMemo } from "react";
import { validateUrlState, type UrlStateParser, type UrlStateProblem } from "./validate-url-state";

export interface UrlStateNoticeState {
  problems: UrlStateProblem[];
  /** Drops the unreadable values from the URL (the view already shows their defaults). */
  clear: () => void;
}

/** Which values of the current URL a view's parsers could not read; see validateUrlState. */
export function useUrlStateNotice<P extends ParserMap>(parsers: P, options: { urlKeys?: UrlKeys<P> } = {}): UrlStateNoticeState {
  const search = useSearchParams();
  const [, setState] = useQueryStates(parsers, { urlKeys: options.urlKeys });
  const key = search.toString();
  const problems = useMemo(
    () => validateUrlState(parsers as unknown as Record<string, UrlStateParser>, new URLSearchParams(key), options.urlKeys as Partial<Record<string, string>>),
    [parsers, key, options.urlKeys],
  );
  return {
    problems,
    clear: () => void setState(Object.fromEntries(problems.map((problem) => [problem.stateKey, null])) as Parameters<typeof setState>[0]),
  };
}
