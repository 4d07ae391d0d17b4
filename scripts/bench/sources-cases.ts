import { getOverview } from "@/lib/server/overview/get-overview";
import { createLogContext } from "@/lib/server/logs/log-context";
import { getRequestDrilldown } from "@/lib/server/requests/get-request-drilldown";
import type { BenchCase, BenchContext } from "./cases";
import { verbSample } from "./counting-store";
import { pickRequests, type PickedRequest } from "./pick-request-ids";

const REQUESTS = 10;

/** The overview and the request drilldown over three differently shaped sources, each still one `_msearch`. */
export function sourcesCases(): BenchCase[] {
  const context = ({ counting, sources }: BenchContext) => createLogContext({ store: counting.store, sources: sources!.sources, now: sources!.anchor });
  let picked: Promise<PickedRequest[]> | undefined;
  let turn = 0;
  return [
    {
      view: "overview, three sources",
      path: "API verb",
      async run(bench) {
        const { anchor } = bench.sources!;
        bench.counting.take();
        const answer = await getOverview({ from: new Date(anchor.getTime() - 3_600_000).toISOString(), to: anchor.toISOString(), service: [], environment: [], source: [] }, context(bench));
        return verbSample(bench.counting, answer.totals.reduce((sum, total) => sum + total.requests, 0));
      },
    },
    {
      view: "request drilldown, three sources",
      path: "API verb",
      // Picked from the main bench index, whose entry lines are ECS; the three-source data holds the same requests.
      async prepare({ target, index, range }) {
        await (picked ??= pickRequests(target, index, range, REQUESTS));
      },
      async run(bench) {
        const requests = await picked!;
        const request = requests[turn++ % requests.length]!;
        bench.counting.take();
        const answer = await getRequestDrilldown(request, context(bench));
        return verbSample(bench.counting, answer.lines);
      },
    },
  ];
}
