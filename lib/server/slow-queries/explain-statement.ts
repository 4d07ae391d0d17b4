import "server-only";
import type { ExplainRequest, ExplainResponse } from "@/lib/schemas/explain";
import { checkExplainable } from "@/lib/sql/explain-guard";
import { planNodes, shapePlan } from "@/lib/sql/explain-plan";
import { loadSqlParser } from "@/lib/sql/fingerprint";
import { hypotheticalIndexStatement, proposeIndexes } from "@/lib/sql/index-hints";
import { bindParameters, highestParameter } from "@/lib/sql/sql-tokens";
import { getEnv } from "../env";
import { ApiError, unprocessable } from "../errors";
import { configuredTargetDatabases } from "../target-db/config";
import { getTargetDatabase } from "../target-db";
import { TargetDatabaseUnavailableError, TargetStatementError, type HypopgStatus, type TargetDatabaseConfig } from "../target-db/types";

export interface ExplainDeps {
  targets?: readonly TargetDatabaseConfig[];
  timeoutMs?: number;
}

/**
 * EXPLAIN a logged statement against its target database, with index hints and, when asked, the
 * same plan with the hinted index created hypothetically by HypoPG. Only a single SELECT is
 * explained; logged `$n` values are bound first; errors are the database's own message (422).
 */
export async function explainStatement(input: ExplainRequest, deps: ExplainDeps = {}): Promise<ExplainResponse> {
  const started = performance.now();
  await loadSqlParser();
  const guard = checkExplainable(input.statement);
  if (!guard.ok) throw unprocessable(guard.message, { statement: guard.message });
  const sql = input.parameters?.length ? bindParameters(guard.sql, input.parameters) : guard.sql;
  // Values come from the request: what they make must still be one SELECT.
  const bound = input.parameters?.length ? checkExplainable(sql) : guard;
  if (!bound.ok) throw unprocessable(bound.message, { parameters: bound.message });
  const genericPlan = highestParameter(bound.sql) > 0;
  if (genericPlan && input.analyze) throw unprocessable("EXPLAIN ANALYZE runs the statement, which needs a value for every $n: explain a sample whose parameters were logged.");

  const targets = deps.targets ?? configuredTargetDatabases();
  if (targets.length === 0) throw new ApiError(409, "conflict", "No target database is configured: set TARGET_DATABASE_URL (a read-only role is recommended) to explain statements.");
  const target = getTargetDatabase({ name: input.target || undefined, services: input.services }, targets);
  if (!target) throw unprocessable(`No target database is named ${input.target}.`, { target: "unknown target database" });

  const index = input.hypotheticalIndex ? hypotheticalIndexStatement(input.hypotheticalIndex.table, input.hypotheticalIndex.columns) : undefined;
  if (input.buildIndex && !index) throw unprocessable("buildIndex needs the index to build (hypotheticalIndex).", { buildIndex: "name the index in hypotheticalIndex" });
  if (input.buildIndex && !target.config.disposable) throw unprocessable(`Target ${target.config.name} is not marked disposable: a real index build takes a SHARE lock that blocks the table's writes for the whole build, so Triage only does it on a disposable target (the demo's own). Use the hypothetical index instead.`);
  const hypothetical = input.buildIndex ? undefined : index;
  let answer;
  try {
    answer = await target.explain(bound.sql, { analyze: input.analyze, genericPlan, hypothetical: hypothetical ? [hypothetical] : undefined, realIndex: input.buildIndex && index ? index.replace(/^CREATE INDEX ON /, `CREATE INDEX ${BUILT_INDEX_NAME} ON `) : undefined, timeoutMs: deps.timeoutMs ?? getEnv().TARGET_DATABASE_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof TargetDatabaseUnavailableError) throw new ApiError(503, "unavailable", error.message);
    if (error instanceof TargetStatementError) throw unprocessable(`${target.config.name} refused the statement: ${error.message}`);
    throw error;
  }
  const plan = shapePlan(answer.plan);
  const afterRaw = answer.builtPlan ?? answer.hypotheticalPlan;
  const after = afterRaw ? shapePlan(afterRaw) : null;
  return {
    target: target.config.name,
    serverVersion: answer.serverVersionNum,
    mode: input.analyze ? "analyze" : genericPlan ? "generic" : "plan",
    explained: bound.sql,
    plan,
    hints: proposeIndexes(plan, answer.tableRows),
    hypopg: { state: answer.hypopg.state, message: hypopgMessage(answer.hypopg, answer.serverVersionNum) },
    whatIf: after && index ? { kind: answer.builtPlan ? "built" : "hypothetical", index, costBefore: plan.totalCost, costAfter: after.totalCost, usesIndex: usesNewIndex(after, answer.builtPlan !== undefined), plan: after } : null,
    tookMs: Math.round(performance.now() - started),
  };
}

/** The name a really built what-if index gets (rolled back with its transaction). */
const BUILT_INDEX_NAME = "triage_what_if_idx";

/** HypoPG names its indexes `<oid>btree_…`; a built one has our name. */
function usesNewIndex(plan: ReturnType<typeof shapePlan>, built: boolean): boolean {
  return planNodes(plan).some((node) => node.indexName !== null && (built ? node.indexName === BUILT_INDEX_NAME : /btree|^</.test(node.indexName)));
}

function hypopgMessage(status: HypopgStatus, version: number): string | null {
  if (status.state === "ready") return null;
  if (status.state === "not-created") return "HypoPG is installed on this server but not enabled in this database: run CREATE EXTENSION hypopg; once (as the database owner), then try the hypothetical index.";
  if (status.embedded) return "The embedded PGlite database has no HypoPG extension: point TARGET_DATABASE_URL at a PostgreSQL server with HypoPG to try hypothetical indexes.";
  return `HypoPG is not installed on this server: on Debian or Ubuntu, apt-get install postgresql-${Math.floor(version / 10_000)}-hypopg, then CREATE EXTENSION hypopg; in this database.`;
}
