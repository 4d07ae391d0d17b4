import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { createLogContext } from "@/lib/server/logs/log-context";
import { getSlowQuery } from "@/lib/server/slow-queries/get-slow-query";
import { listSlowQueries } from "@/lib/server/slow-queries/list-slow-queries";
import type { BenchCase, BenchContext } from "./cases";
import { verbSample } from "./counting-store";

const context = ({ counting, index, range }: BenchContext) => createLogContext({ store: counting.store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING }, now: range.to });
const params = ({ range }: BenchContext) => ({ from: range.from.toISOString(), to: range.to.toISOString(), threshold: 500, service: [], source: [] });
let topFingerprint: string | null = null;

/**
 * The slow-query panel (phase 1: distinct statements per source; phase 2: percentiles per listed
 * fingerprint: two round trips) and the page of its top fingerprint. The overview's top-5 card
 * rides in the overview's own _msearch, so the overview cases measure it.
 */
export function slowQueryCases(): BenchCase[] {
  return [
    {
      view: "slow queries panel (>= 500 ms)",
      path: "API verb",
      async run(bench) {
        bench.counting.take();
        const answer = await listSlowQueries({ ...params(bench), sort: "total" }, context(bench));
        topFingerprint = answer.rows[0]?.fingerprint ?? null;
        return verbSample(bench.counting, answer.slowLines);
      },
    },
    {
      view: "slow query fingerprint page",
      path: "API verb",
      async prepare(bench) {
        const answer = await listSlowQueries({ ...params(bench), sort: "total" }, context(bench));
        topFingerprint = answer.rows[0]?.fingerprint ?? null;
      },
      async run(bench) {
        bench.counting.take();
        if (!topFingerprint) throw new Error("no slow statement in the bench index");
        const answer = await getSlowQuery(topFingerprint, params(bench), context(bench));
        return verbSample(bench.counting, answer.row?.count ?? 0);
      },
    },
  ];
}
