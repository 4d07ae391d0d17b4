import { buildErrorRateQuery } from "@/lib/logs/build-error-rate-query";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { getErrorRate } from "@/lib/server/overview/get-error-rate";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import type { BenchCase } from "./cases";
import { verbSample } from "./counting-store";
import { rawMsearch } from "./engine-http";
import { createLogContext } from "@/lib/server/logs/log-context";

/** The error-rate endpoint the overview used before its one-msearch verb; kept (it is cheap) so older results compare. */
export function errorRateCases(view: string, services: string[]): BenchCase[] {
  return [
    {
      view,
      path: "API verb",
      async run({ counting, index, range }) {
        counting.take();
        const answer = await getErrorRate(
          { from: range.from.toISOString(), to: range.to.toISOString(), service: services },
          createLogContext({ store: counting.store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }),
        );
        return verbSample(counting, answer.totals.reduce((sum, total) => sum + total.requests, 0));
      },
    },
    {
      view,
      path: "raw engine",
      async run({ target, index, range }) {
        const interval = chooseBucketInterval(range.to.getTime() - range.from.getTime());
        const body = buildErrorRateQuery({ ...range, intervalLabel: interval.label, services, mapping: ECS_FIELD_MAPPING });
        const [answer] = await rawMsearch(target, index, [body]);
        return { roundTrips: 1, tookMs: answer?.took ?? 0, matched: answer?.hits?.total?.value ?? 0 };
      },
    },
  ];
}
