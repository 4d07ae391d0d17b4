import "server-only";
import { needsSqlParser, withSlowThreshold } from "@/lib/alerts/slow-statement-measure";
import { loadSqlParser } from "@/lib/sql/fingerprint";
import { planEvaluation, readEvaluation, type BodyAnswer, type RuleMeasurement, type RuleReading } from "@/lib/alerts/plan-evaluation";
import { LogStoreUnavailableError } from "../log-store/types";
import type { LogContext } from "../logs/log-context";

export interface Measurements {
  readings: Map<string, RuleReading>;
  /** The rules whose request could not reach the engine at all: an outage, not a rule's fault. */
  unreachable: Set<string>;
  outageMessage: string | null;
  engineRequests: number;
}

/**
 * Measures many rules in the planned `_msearch` requests (settled: one failed search fails its
 * rules only). A request that cannot reach the engine marks its rules unreachable, so the worker
 * can tell an outage from a query the engine rejects. `at` is the cycle's clock (the cache's reuse
 * window counts from it); each rule's own evaluation instant is in its measurement.
 */
export async function measureRules(given: readonly RuleMeasurement[], context: LogContext, at: Date, options: { betweenRequests?: () => Promise<unknown> } = {}): Promise<Measurements> {
  // A slow_statements rule without a threshold of its own uses the deployment's (SLOW_QUERY_THRESHOLD_MS).
  const rules = given.map((rule) => ({ ...rule, measure: withSlowThreshold(rule.measure, context.slowQueryThresholdMs) }));
  // Per-fingerprint counts fingerprint the statements read back, with PostgreSQL's parser.
  if (needsSqlParser(rules.map((rule) => rule.measure))) await loadSqlParser();
  const plan = planEvaluation(rules, context.sources, at);
  const unreachable = new Set<string>();
  let outageMessage: string | null = null;
  // One request after another: each stays well inside the engine timeout, and on a busy engine
  // side-by-side requests would only share the same CPUs.
  const perRequest: BodyAnswer[][] = [];
  for (const [r, request] of plan.requests.entries()) {
    if (r > 0) await options.betweenRequests?.();
    try {
      // Through the view cache: an identical request in flight (another worker in this process) or
      // answered within its reuse window (another cycle, same instant) is shared, not sent again.
      const searches = request.map((planned) => ({ index: planned.source.indexPattern, body: planned.body }));
      const results = await context.viewCache.msearch(context.store, searches, { signal: context.signal, settle: true, now: at, rules: context.rules });
      perRequest.push(
        results.map((result, index) => {
          // A search the engine could not serve (shards down, overloaded) is an outage too; a refused query is the rule's.
          if (result.error instanceof LogStoreUnavailableError) {
            outageMessage ??= result.error.message;
            for (const { ruleId } of request[index]!.rules) unreachable.add(ruleId);
          }
          return { aggregations: result.aggregations, error: result.error };
        }),
      );
    } catch (error) {
      if (error instanceof LogStoreUnavailableError) {
        outageMessage ??= error.message;
        for (const planned of request) for (const { ruleId } of planned.rules) unreachable.add(ruleId);
      }
      perRequest.push(request.map(() => ({ error: error as Error })));
    }
  }
  const answers = perRequest.flat();
  const readings = readEvaluation(plan, rules, answers);
  // A rule another source still answered for is measured, not down.
  for (const id of unreachable) if (!readings.get(id)?.error) unreachable.delete(id);
  return { readings, unreachable, outageMessage: unreachable.size > 0 ? outageMessage : null, engineRequests: plan.requests.length };
}
