import { seriesBuckets } from "@/lib/logs/bucket-plan";
import { buildOverviewSearches, OVERVIEW_SEARCHES } from "@/lib/logs/build-overview-searches";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { getOverview } from "@/lib/server/overview/get-overview";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import type { BenchCase } from "./cases";
import { msearchTook, verbSample } from "./counting-store";
import { rawMsearch } from "./engine-http";
import { createLogContext } from "@/lib/server/logs/log-context";

/** Request lines counted by the raw answer's `requests` search (its searches track no hit totals). */
function requestLines(aggregations: Record<string, unknown> | undefined): number {
  return seriesBuckets(aggregations).reduce((sum, bucket) => sum + bucket.doc_count, 0);
}

/**
 * The overview as a full view (no cache: every bucket and every top list asked for), against the
 * same bodies sent raw in one `_msearch`.
 */
export function overviewCases(view: string, services: string[]): BenchCase[] {
  return [
    {
      view,
      path: "API verb",
      async run({ counting, index, range }) {
        counting.take();
        const answer = await getOverview(
          { from: range.from.toISOString(), to: range.to.toISOString(), service: services, environment: [], source: [] },
          createLogContext({ store: counting.store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING }, now: range.to }),
        );
        return verbSample(counting, answer.totals.reduce((sum, total) => sum + total.requests, 0));
      },
    },
    {
      view,
      path: "raw engine",
      async run({ target, index, range }) {
        const interval = chooseBucketInterval(range.to.getTime() - range.from.getTime());
        const bodies = buildOverviewSearches({ ...range, intervalLabel: interval.label, services, environments: [], mapping: ECS_FIELD_MAPPING });
        const answers = await rawMsearch(target, index, OVERVIEW_SEARCHES.map((name) => bodies[name]));
        return { roundTrips: 1, tookMs: msearchTook(answers), matched: requestLines(answers[0]?.aggregations) };
      },
    },
  ];
}
