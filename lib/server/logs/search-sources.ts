import "server-only";
import { mergeAggregations, type Aggregations } from "@/lib/logs/merge-aggregations";
import type { SearchBody } from "../log-store/types";
import type { LogContext, ReadSource } from "./log-context";
import type { RedactedSearchResult } from "./redacting-log-store";

export interface SourceAnswers<N extends string> {
  /** Each named search's aggregations, added up over the sources that answered. */
  merged: Record<N, Aggregations | undefined>;
  /** Each source's own answers, for what cannot be added up (hits, a source's own totals). */
  bySource: { source: ReadSource; results: Record<N, RedactedSearchResult> }[];
  /** One line per source that failed or matched no index. */
  notices: string[];
}

/**
 * The same searches for every source the view reads, each built with that source's own field
 * names, all in ONE _msearch. With several sources, a source the engine refuses (a field mapped
 * differently, an index gone) becomes a notice and the others still answer; only when every
 * source fails does the view fail, with the first error (a bad query is still a 400).
 */
export async function searchEachSource<N extends string>(context: LogContext, names: readonly N[], build: (source: ReadSource) => Record<N, SearchBody>): Promise<SourceAnswers<N>> {
  const sources = context.sources;
  const requests = sources.flatMap((source) => {
    const bodies = build(source);
    return names.map((name) => ({ index: source.indexPattern, body: bodies[name] }));
  });
  const results = requests.length > 0 ? await context.store.msearch(requests, { signal: context.signal, settle: sources.length > 1 }) : [];

  const notices: string[] = [];
  const bySource: SourceAnswers<N>["bySource"] = [];
  const failures: Error[] = [];
  sources.forEach((source, s) => {
    const answers = results.slice(s * names.length, (s + 1) * names.length);
    const failed = answers.find((answer) => answer.error)?.error;
    if (failed) {
      failures.push(failed);
      notices.push(`Source ${source.name} (${source.indexPattern}) could not be read and is left out: ${failed.message}`);
      return;
    }
    if (answers.every((answer) => answer.shards === 0)) notices.push(`Source ${source.name} matches no index (${source.indexPattern}): check its index pattern in Settings.`);
    bySource.push({ source, results: Object.fromEntries(names.map((name, n) => [name, answers[n]!])) as Record<N, RedactedSearchResult> });
  });
  if (sources.length > 0 && failures.length === sources.length) throw failures[0];

  const merged = Object.fromEntries(names.map((name) => [name, mergeAggregations(bySource.map(({ results: answers }) => answers[name].aggregations))])) as Record<N, Aggregations | undefined>;
  return { merged, bySource, notices };
}
