import "server-only";
import type { FingerprintDetail, FingerprintParams, SlowQuerySample } from "@/lib/schemas/slow-queries";
import { buildFingerprintSamplesSearch } from "@/lib/sql/build-slow-statement-searches";
import { buildEndpointLookupSearch } from "@/lib/sql/build-endpoint-lookup";
import { loadSqlParser } from "@/lib/sql/fingerprint";
import { slowStatementFields } from "@/lib/sql/slow-statement-fields";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import { resolveViewRange, type LogContext } from "../logs/log-context";
import { searchEachSource } from "../logs/search-sources";
import { combineSources } from "./combine-sources";
import { readFingerprintStats } from "./fingerprint-stats";
import { phase1Notices, PHASE1_SEARCHES, phase1Searches, readPhase1, type SlowStatementQuery } from "./read-slow-statements";
import { sampleFromHit, sampleFromRun } from "./slow-query-samples";
import { toSlowQueryRow } from "./slow-query-rows";
import { DEFAULT_SLOW_QUERY_THRESHOLD_MS } from "./threshold";
import { shapeEndpoints } from "./shape-endpoints";

const isClientAbort = (error: unknown, signal: AbortSignal | undefined) => signal?.aborted === true || (error as Error)?.name === "AbortError";

export const SAMPLES = 20;

/**
 * One fingerprint's page: phase 1 finds its statements (as the panel does), then one _msearch asks
 * for its percentiles, occurrences and slowest samples, and one more names the endpoints of the
 * sample requests. Three round trips; samples of server-log sources come from the lines phase 1 read.
 */
export async function getSlowQuery(fingerprint: string, params: FingerprintParams, context: LogContext): Promise<FingerprintDetail> {
  const { from, to } = resolveViewRange(params, context);
  const thresholdMs = params.threshold ?? context.slowQueryThresholdMs ?? DEFAULT_SLOW_QUERY_THRESHOLD_MS;
  const interval = chooseBucketInterval(to.getTime() - from.getTime());
  const query: SlowStatementQuery = { from, to, thresholdMs, services: params.service };
  const [answers] = await Promise.all([searchEachSource(context, PHASE1_SEARCHES, (source) => phase1Searches(source, query)), loadSqlParser()]);
  const perSource = answers.bySource.map(({ source, results }) => readPhase1(source, query, results));
  const found = combineSources(perSource).find((row) => row.group.fingerprint === fingerprint);
  const notices = [...context.notices, ...answers.notices, ...phase1Notices(perSource)];
  const base = { from: from.toISOString(), to: to.toISOString(), thresholdMs, intervalMs: interval.ms };
  if (!found) return { ...base, row: null, occurrences: [], samples: [], endpoints: [], roundTrips: 1, notices };

  const members = { statements: found.group.statements, lineIds: found.group.lineIds };
  const input = { ...query, mapping: found.source.mapping };
  let samples: SlowQuerySample[];
  let roundTrips = 1;
  const statsPromise = readFingerprintStats([found], query, interval, context);
  const serverRuns = perSource.find((result) => result.source === found.source)?.serverRuns;
  if (serverRuns) {
    samples = found.group.lineIds.flatMap((id) => serverRuns.get(id) ?? []).sort((a, b) => b.durationMs - a.durationMs).slice(0, SAMPLES).map((run) => sampleFromRun(run, found.source.name));
  } else {
    const [answer] = await context.store.msearch([{ index: found.source.indexPattern, body: buildFingerprintSamplesSearch(input, members, SAMPLES) }], { signal: context.signal });
    roundTrips += 1;
    const perMs = slowStatementFields(found.source.mapping).perMs;
    samples = (answer?.hits ?? []).map((hit) => sampleFromHit(hit, found.source, perMs));
  }
  const { stats } = await statsPromise;
  roundTrips += 1;
  const ids = [...new Set(samples.flatMap((sample) => (sample.correlationId ? [sample.correlationId] : [])))];
  let endpoints: FingerprintDetail["endpoints"] = [];
  if (ids.length > 0) {
    roundTrips += 1;
    // The endpoints are extra: a source that cannot answer this lookup leaves them out, with a notice, not the page.
    const lookup = await searchEachSource(context, ["endpoints"] as const, (source) => ({ endpoints: buildEndpointLookupSearch({ from, to, mapping: source.mapping, ids }) })).catch((error: unknown) => {
      if (isClientAbort(error, context.signal)) throw error;
      notices.push(`The endpoints of the sample requests could not be read: ${(error as Error).message}`);
      return { bySource: [] };
    });
    // The requests' own hops of the services that ran the statement; other hops of the same requests did not issue it.
    const all = shapeEndpoints(lookup.bySource.map(({ results }) => results.endpoints.aggregations));
    const issuing = all.filter((row) => row.service !== null && found.group.services[row.service] !== undefined);
    endpoints = issuing.length > 0 ? issuing : all;
  }
  const stat = stats[0];
  return {
    ...base,
    row: toSlowQueryRow(found, stat),
    occurrences: stat?.trend ?? [],
    samples,
    endpoints,
    roundTrips,
    notices,
  };
}
