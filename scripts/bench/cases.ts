import { buildErrorRateQuery } from "@/lib/logs/build-error-rate-query";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { queryErrorRate } from "@/lib/server/overview/get-error-rate";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import type { CountingStore } from "./counting-store";
import { rawMsearch } from "./engine-http";
import type { EngineTarget } from "./engine-target";

export interface BenchContext {
  counting: CountingStore;
  target: EngineTarget;
  index: string;
  /** Absolute, so a reused index is measured over the hour it was seeded for. */
  range: { from: Date; to: Date };
}

export type BenchPath = "API verb" | "raw engine";

export interface CaseSample {
  roundTrips: number;
  /** The engine's own `took`, summed over the round trips. */
  tookMs: number;
  /** Documents the view's query matched: a check that the case measures real work. */
  matched: number;
}

/**
 * One measured request of a view. "API verb" is the server path minus HTTP and auth;
 * "raw engine" sends the same DSL with plain fetch, so the two differ only by our code.
 */
export interface BenchCase {
  view: string;
  path: BenchPath;
  run(context: BenchContext): Promise<CaseSample>;
}

function overviewCases(view: string, services: string[]): BenchCase[] {
  return [
    {
      view,
      path: "API verb",
      async run({ counting, index, range }) {
        counting.take();
        const answer = await queryErrorRate(
          { from: range.from.toISOString(), to: range.to.toISOString(), service: services },
          { store: counting.store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } },
        );
        return { ...counting.take(), matched: answer.totals.reduce((sum, total) => sum + total.requests, 0) };
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

/** Views to measure; the log explorer and request drilldown join as further entries. */
export const BENCH_CASES: BenchCase[] = [...overviewCases("overview", []), ...overviewCases("overview, one service (users)", ["users"])];
