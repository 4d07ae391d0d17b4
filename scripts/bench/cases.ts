import type { CountingStore, RoundTripMethod } from "./counting-store";
import { drilldownCases } from "./drilldown-cases";
import type { EngineTarget } from "./engine-target";
import { errorRateCases } from "./error-rate-cases";
import { explorerCases } from "./explorer-cases";
import { overviewCases } from "./overview-cases";
import type { BenchSources } from "./seed-bench-sources";
import { slowQueryCases } from "./slow-query-cases";
import { sourcesCases } from "./sources-cases";

export interface BenchContext {
  counting: CountingStore;
  target: EngineTarget;
  index: string;
  /** Absolute, so a reused index is measured over the hour it was seeded for; `to` is the seed's anchor. */
  range: { from: Date; to: Date };
  /** The same size of traffic as three differently shaped sources (the multi-source cases). */
  sources?: BenchSources;
}

export type BenchPath = "API verb" | "raw engine";

export interface CaseSample {
  roundTrips: number;
  /** The engine's own `took`, summed over the round trips. */
  tookMs: number;
  /** Documents the view's query matched: a check that the case measures real work. */
  matched: number;
  /** Round trips by LogStore method (API verb cases). */
  calls?: Partial<Record<RoundTripMethod, number>>;
}

/**
 * One measured request of a view. "API verb" is the server path minus HTTP and auth;
 * "raw engine" sends the same DSL with plain fetch, so the two differ only by our code.
 */
export interface BenchCase {
  view: string;
  path: BenchPath;
  /** Once, untimed, before the warm-up: finds inputs (request ids) or records the bodies to replay. */
  prepare?(context: BenchContext): Promise<void>;
  run(context: BenchContext): Promise<CaseSample>;
}

/** Views to measure (issues 5 and 6): overview, one explorer page, request drilldown. */
export const BENCH_CASES: BenchCase[] = [
  ...overviewCases("overview", []),
  ...overviewCases("overview, one service (users)", ["users"]),
  ...explorerCases("explorer, first page", { q: "" }),
  // Full text: the seeded lines never say "timeout" (the provider timeout reads "did not answer").
  ...explorerCases('explorer, q "provider"', { q: "provider" }),
  ...explorerCases("explorer, payments 5xx", { service: ["payments"], status: ["5xx"] }),
  ...drilldownCases(),
  ...errorRateCases("error rate (old endpoint)", []),
  ...sourcesCases(),
  ...slowQueryCases(),
];
