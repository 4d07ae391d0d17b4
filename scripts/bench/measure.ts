import type { BenchCase, BenchContext, BenchPath } from "./cases";
import type { RoundTripMethod } from "./counting-store";
import { summarize, type Summary } from "./stats";

export interface CaseResult {
  name: string;
  view: string;
  path: BenchPath;
  wallMs: Summary;
  tookMs: Summary;
  /** Engine round trips per view request; min and max over the iterations (the target is 1). */
  roundTrips: { min: number; max: number };
  /** Round trips by LogStore method over all timed runs (API verb cases): shows what the extra ones were. */
  calls: Partial<Record<RoundTripMethod, number>>;
  matched: number;
  samples: { wallMs: number[]; tookMs: number[] };
}

export interface MeasureOptions {
  warmup: number;
  iterations: number;
}

function caseName(benchCase: Pick<BenchCase, "view" | "path">): string {
  return `${benchCase.view} (${benchCase.path})`;
}

interface Samples {
  wallMs: number[];
  tookMs: number[];
  roundTrips: number[];
  calls: Partial<Record<RoundTripMethod, number>>;
  matched: number;
}

/**
 * Warm-up rounds first (JIT, the engine's segment and field-data caches), then timed rounds that run
 * every case once, starting one case later each round: background work on the engine (merges, GC)
 * then lands on all cases alike instead of on whichever case happened to run first.
 */
export async function measureCases(cases: BenchCase[], context: BenchContext, options: MeasureOptions): Promise<CaseResult[]> {
  for (const benchCase of cases) await benchCase.prepare?.(context);
  for (let round = 0; round < options.warmup; round++) {
    for (const benchCase of cases) await benchCase.run(context);
  }
  const samples: Samples[] = cases.map(() => ({ wallMs: [], tookMs: [], roundTrips: [], calls: {}, matched: 0 }));
  for (let round = 0; round < options.iterations; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (round + k) % cases.length;
      const into = samples[index]!;
      const started = performance.now();
      const sample = await cases[index]!.run(context);
      into.wallMs.push(performance.now() - started);
      into.tookMs.push(sample.tookMs);
      into.roundTrips.push(sample.roundTrips);
      for (const [method, count] of Object.entries(sample.calls ?? {}) as Array<[RoundTripMethod, number]>) into.calls[method] = (into.calls[method] ?? 0) + count;
      into.matched = sample.matched;
    }
  }
  return cases.map((benchCase, i) => toResult(benchCase, samples[i]!));
}

function toResult(benchCase: BenchCase, samples: Samples): CaseResult {
  return {
    name: caseName(benchCase),
    view: benchCase.view,
    path: benchCase.path,
    wallMs: summarize(samples.wallMs),
    tookMs: summarize(samples.tookMs),
    roundTrips: { min: Math.min(...samples.roundTrips), max: Math.max(...samples.roundTrips) },
    calls: samples.calls,
    matched: samples.matched,
    samples: { wallMs: samples.wallMs, tookMs: samples.tookMs },
  };
}

export interface ViewRatio {
  view: string;
  /** API verb median / raw engine median: what our server code adds on top of the engine. */
  median: number;
  p95: number;
}

export function apiToRawRatios(results: CaseResult[]): ViewRatio[] {
  const views = [...new Set(results.map((result) => result.view))];
  return views.flatMap((view) => {
    const api = results.find((result) => result.view === view && result.path === "API verb");
    const raw = results.find((result) => result.view === view && result.path === "raw engine");
    return api && raw ? [{ view, median: api.wallMs.median / raw.wallMs.median, p95: api.wallMs.p95 / raw.wallMs.p95 }] : [];
  });
}
