import "server-only";
import { mergeAggregations, type Aggregations } from "@/lib/logs/merge-aggregations";
import type { SearchBody, SearchRequest } from "../log-store/types";
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
 * The _msearch goes through the context's view cache: identical requests in flight share one.
 */
export async function searchEachSource<N extends string>(context: LogContext, names: readonly N[], build: (source: ReadSource) => Record<N, SearchBody>): Promise<SourceAnswers<N>> {
  const plans = context.sources.map((source) => {
    const bodies = build(source);
    return { source, requests: names.map((name) => ({ index: source.indexPattern, body: bodies[name] })) };
  });
  const { answered, notices } = await msearchBySource(context, plans);
  const bySource = answered.map(({ source, results }) => ({ source, results: Object.fromEntries(names.map((name, n) => [name, results[n]!])) as Record<N, RedactedSearchResult> }));
  const merged = Object.fromEntries(names.map((name) => [name, mergeAggregations(bySource.map(({ results }) => results[name].aggregations))])) as Record<N, Aggregations | undefined>;
  return { merged, bySource, notices };
}

export interface SourcePlan {
  source: ReadSource;
  /** Any number of searches, this source's own (an empty list sends nothing for it). */
  requests: SearchRequest[];
}

/**
 * Each source's searches in one _msearch, answers handed back per source. A source whose search
 * failed is left out with a notice; a source that matches no index is kept, with a notice. Only
 * when every source that sent something failed does this throw, with the first error.
 */
export async function msearchBySource(context: LogContext, plans: SourcePlan[]): Promise<{ answered: { source: ReadSource; results: RedactedSearchResult[] }[]; notices: string[] }> {
  const requests = plans.flatMap((plan) => plan.requests);
  const sending = plans.filter((plan) => plan.requests.length > 0).length;
  const results = requests.length > 0 ? await context.viewCache.msearch(context.store, requests, { signal: context.signal, settle: sending > 1, now: context.now, rules: context.rules }) : [];

  const notices: string[] = [];
  const answered: { source: ReadSource; results: RedactedSearchResult[] }[] = [];
  const failures: Error[] = [];
  let offset = 0;
  for (const { source, requests: own } of plans) {
    const answers = results.slice(offset, offset + own.length);
    offset += own.length;
    const failed = answers.find((answer) => answer.error)?.error;
    if (failed) {
      failures.push(failed);
      notices.push(`Source ${source.name} (${source.indexPattern}) could not be read and is left out: ${failed.message}`);
      continue;
    }
    if (answers.length > 0 && answers.every((answer) => answer.shards === 0)) notices.push(`Source ${source.name} matches no index (${source.indexPattern}): check its index pattern in Settings.`);
    answered.push({ source, results: answers });
  }
  if (sending > 0 && failures.length === sending) throw failures[0];
  return { answered, notices };
}
