import { seriesBuckets } from "@/lib/logs/bucket-plan";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { logSearchParamsSchema, type LogSearchParams } from "@/lib/schemas/log-search";
import type { SearchRequest } from "@/lib/server/log-store/types";
import { getLogPage } from "@/lib/server/logs/get-log-page";
import type { BenchCase, BenchContext } from "./cases";
import { msearchTook, verbSample } from "./counting-store";
import { rawMsearch } from "./engine-http";
import { createLogContext } from "@/lib/server/logs/log-context";

type ExplorerInput = Partial<Pick<LogSearchParams, "q" | "service" | "status" | "level">>;

/**
 * One explorer page (the live first page: its lines in one `_msearch`, and beside it the exact
 * total, histogram and top values in another, as a full view with no cache) over the last hour before the seed's anchor, as the page asks for it ("now-1h").
 */
export function explorerCases(view: string, input: ExplorerInput): BenchCase[] {
  const params = logSearchParamsSchema.parse({ from: "now-1h", to: "now", ...input });
  const page = ({ counting, index, range }: BenchContext) =>
    getLogPage(params, createLogContext({ store: counting.store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING }, now: range.to }));
  // The page's body depends on the index's field list (which fields the sidebar counts, the query
  // fields), so the raw case replays what the verb sent rather than rebuilding it.
  let recorded: SearchRequest[][] = [];
  return [
    {
      view,
      path: "API verb",
      async run(context) {
        context.counting.take();
        const answer = await page(context);
        return verbSample(context.counting, answer.total);
      },
    },
    {
      view,
      path: "raw engine",
      async prepare(context) {
        context.counting.take();
        await page(context);
        recorded = context.counting.take().searches;
        if (recorded.length === 0) throw new Error(`${view}: the verb sent no search to record`);
      },
      async run({ target, index }) {
        // The first page's lines and its incremental summary go side by side, as the verb sends them.
        const rounds = await Promise.all(recorded.map((requests) => rawMsearch(target, index, requests.map((request) => request.body))));
        const tookMs = rounds.reduce((sum, answers) => sum + msearchTook(answers), 0);
        const matched = Math.max(0, ...rounds.flat().map((answer) => answer.hits?.total?.value ?? seriesBuckets(answer.aggregations).reduce((sum, bucket) => sum + bucket.doc_count, 0)));
        return { roundTrips: recorded.length, tookMs, matched };
      },
    },
  ];
}
