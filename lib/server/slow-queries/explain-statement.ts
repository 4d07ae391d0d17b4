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

  const hypothetical = input.hypotheticalIndex ? hypotheticalIndexStatement(input.hypotheticalIndex.table, input.hypotheticalIndex.columns) : undefined;
  let answer;
  try {
    answer = await target.explain(bound.sql, { analyze: input.analyze, genericPlan, hypothetical: hypothetical ? [hypothetical] : undefined, timeoutMs: deps.timeoutMs ?? getEnv().TARGET_DATABASE_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof TargetDatabaseUnavailableError) throw new ApiError(503, "unavailable", error.message);
    if (error instanceof TargetStatementError) throw unprocessable(`${target.config.name} refused the statement: ${error.message}`);
    throw error;
  }
  const plan = shapePlan(answer.plan);
  const after = answer.hypotheticalPlan ? shapePlan(answer.hypotheticalPlan) : null;
  return {
    target: target.config.name,
    serverVersion: answer.serverVersionNum,
    mode: input.analyze ? "analyze" : genericPlan ? "generic" : "plan",
    explained: bound.sql,
    plan,
    hints: proposeIndexes(plan, answer.tableRows),
    hypopg: { state: answer.hypopg.state, message: hypopgMessage(answer.hypopg, answer.serverVersionNum) },
    whatIf: after && hypothetical ? { index: hypothetical, costBefore: plan.totalCost, costAfter: after.totalCost, usesIndex: planNodes(after).some((node) => node.indexName !== null && /btree|^</.test(node.indexName)), plan: after } : null,
    tookMs: Math.round(performance.now() - started),
  };
}

function hypopgMessage(status: HypopgStatus, version: number): string | null {
  if (status.state === "ready") return null;
  if (status.state === "not-created") return "HypoPG is installed on this server but not enabled in this database: run CREATE EXTENSION hypopg; once (as the database owner), then try the hypothetical index.";
  if (status.embedded) return "The embedded PGlite database has no HypoPG extension: point TARGET_DATABASE_URL at a PostgreSQL server with HypoPG to try hypothetical indexes.";
  return `HypoPG is not installed on this server: on Debian or Ubuntu, apt-get install postgresql-${Math.floor(version / 10_000)}-hypopg, then CREATE EXTENSION hypopg; in this database.`;
}
