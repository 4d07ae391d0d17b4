import { buildRelatedRequestsQueries, buildRequestLinesQuery, resolveRequestSearchWindow } from "@/lib/logs/build-request-lines-query";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { hintedSearches } from "@/lib/requests/related-inputs";
import type { RequestDrilldownParams } from "@/lib/schemas/request-drilldown";
import { getRequestDrilldown } from "@/lib/server/requests/get-request-drilldown";
import type { BenchCase, BenchContext } from "./cases";
import { msearchTook, verbSample } from "./counting-store";
import { rawMsearch } from "./engine-http";
import { pickRequests, type PickedRequest } from "./pick-request-ids";
import { createLogContext } from "@/lib/server/logs/log-context";

const REQUESTS = 10;
const VIEW = "request drilldown";

/** The drilldown's first `_msearch` for a link with hints: the lines, then the related searches it allows. */
function hintedBodies(request: PickedRequest, now: Date): Record<string, unknown>[] {
  const { from, to } = resolveRequestSearchWindow({ around: request.around, now });
  const around = new Date(request.around);
  const hinted = hintedSearches({ user: request.user, method: request.method, path: request.path, around });
  const base = { id: request.id, mapping: ECS_FIELD_MAPPING, from, to };
  const related = buildRelatedRequestsQueries({ ...base, at: around, userId: hinted.user, method: hinted.endpoint?.method ?? null, path: hinted.endpoint?.path ?? null });
  return [buildRequestLinesQuery(base), related.sameUser, related.sameEndpointFailures].filter((body): body is Record<string, unknown> => body !== null);
}

/**
 * The request drilldown for failed payment requests, one of ten ids per run in turn: opened from a
 * log line (around + user/method/path hints: one round trip), its raw `_msearch`, and opened cold
 * (id only, last 24 h: the related searches wait for the lines, two round trips).
 */
export function drilldownCases(): BenchCase[] {
  let picked: Promise<PickedRequest[]> | undefined;
  const prepare = async ({ target, index, range }: BenchContext) => {
    await (picked ??= pickRequests(target, index, range, REQUESTS));
  };
  const rotation = () => {
    let turn = 0;
    return async () => {
      const requests = await picked!;
      return requests[turn++ % requests.length]!;
    };
  };
  const drilldown = (params: RequestDrilldownParams, { counting, index, range }: BenchContext) =>
    getRequestDrilldown(params, createLogContext({ store: counting.store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING }, now: range.to }));

  const nextLinked = rotation();
  const nextRaw = rotation();
  const nextCold = rotation();
  return [
    {
      view: VIEW,
      path: "API verb",
      prepare,
      async run(context) {
        const request = await nextLinked();
        context.counting.take();
        const answer = await drilldown(request, context);
        return verbSample(context.counting, answer.lines);
      },
    },
    {
      view: VIEW,
      path: "raw engine",
      prepare,
      async run({ target, index, range }) {
        const answers = await rawMsearch(target, index, hintedBodies(await nextRaw(), range.to));
        return { roundTrips: 1, tookMs: msearchTook(answers), matched: answers[0]?.hits?.total?.value ?? 0 };
      },
    },
    {
      view: `${VIEW}, cold (id only, 24h)`,
      path: "API verb",
      prepare,
      async run(context) {
        const { id } = await nextCold();
        context.counting.take();
        const answer = await drilldown({ id, window: "24h" }, context);
        return verbSample(context.counting, answer.lines);
      },
    },
  ];
}
