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
 * One explorer page (the live first page: lines, exact total, histogram, top values in one
 * `_msearch`) over the last hour before the seed's anchor, as the page asks for it ("now-1h").
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
        let tookMs = 0;
        let matched = 0;
        for (const requests of recorded) {
          const answers = await rawMsearch(target, index, requests.map((request) => request.body));
          tookMs += msearchTook(answers);
          matched = answers[0]?.hits?.total?.value ?? 0;
        }
        return { roundTrips: recorded.length, tookMs, matched };
      },
    },
  ];
}
