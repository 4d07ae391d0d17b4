import "server-only";
import { Client } from "pg";
import { isDatabaseConnectionError } from "../errors";
import { TargetDatabaseUnavailableError, TargetStatementError, type ExplainAnswer, type ExplainOptions, type HypopgStatus, type TargetDatabase, type TargetDatabaseConfig } from "./types";

const CONNECT_TIMEOUT_MS = 3_000;

/**
 * EXPLAIN through node-postgres. Every statement runs inside `BEGIN READ ONLY` with a
 * statement_timeout and a lock_timeout, and the transaction is always rolled back: nothing is
 * written, an ANALYZE run included. HypoPG's hypothetical indexes live in this backend only and
 * are reset before the connection closes.
 */
export function pgTargetDatabase(config: TargetDatabaseConfig): TargetDatabase {
  return {
    config,
    async explain(sql, options) {
      const client = new Client({ connectionString: config.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: "triage-explain" });
      // A dropped connection must not crash the process through an unhandled 'error' event.
      client.on("error", () => {});
      try {
        await client.connect();
      } catch (error) {
        throw new TargetDatabaseUnavailableError(`Target database ${config.name} cannot be reached: ${(error as Error).message}`, { cause: error });
      }
      if (options.realIndex && !config.disposable) throw new TargetStatementError(`target ${config.name} is not marked disposable, so no real index is built there`);
      try {
        return await explainInTransaction(client, sql, options);
      } finally {
        await client.end().catch(() => {});
      }
    },
  };
}

async function explainInTransaction(client: Client, sql: string, options: ExplainOptions): Promise<ExplainAnswer> {
  const version = Number((await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v);
  if (options.genericPlan && version < 160_000) {
    throw new TargetStatementError(`this statement has $n placeholders and no logged values; PostgreSQL ${Math.floor(version / 10_000)} cannot plan it without them (PostgreSQL 16 adds EXPLAIN (GENERIC_PLAN)). Explain a sample whose parameters were logged (log_parameter_max_length), or one with literals.`);
  }
  const hypopg = await hypopgStatus(client);
  // Only a real index build (disposable targets) needs a writable transaction; it is rolled back all the same.
  await client.query(options.realIndex ? "BEGIN" : "BEGIN READ ONLY");
  try {
    await client.query(`SET LOCAL statement_timeout = ${Math.round(options.timeoutMs)}`);
    await client.query(`SET LOCAL lock_timeout = ${Math.max(50, Math.round(options.timeoutMs / 10))}`);
    const flags = ["FORMAT JSON", ...(options.analyze ? ["ANALYZE", "BUFFERS"] : []), ...(options.genericPlan ? ["GENERIC_PLAN"] : [])];
    const plan = await explainOnce(client, sql, flags);
    const relations = seqScanned(plan);
    const tableRows = relations.length > 0 ? await estimatedRows(client, relations) : {};
    let hypotheticalPlan: unknown;
    if (options.hypothetical?.length && hypopg.state === "ready") {
      for (const statement of options.hypothetical) await client.query("SELECT * FROM hypopg_create_index($1)", [statement]);
      // Hypothetical indexes cannot be ANALYZEd (they do not exist): the what-if compares estimates.
      hypotheticalPlan = await explainOnce(client, sql, flags.filter((flag) => flag !== "ANALYZE" && flag !== "BUFFERS"));
      await client.query("SELECT hypopg_reset()");
    }
    let builtPlan: unknown;
    if (options.realIndex) {
      await client.query(options.realIndex);
      builtPlan = await explainOnce(client, sql, flags);
    }
    return { serverVersionNum: version, plan, hypotheticalPlan, builtPlan, tableRows, hypopg };
  } catch (error) {
    if (error instanceof TargetStatementError) throw error;
    if (isDatabaseConnectionError(error)) throw new TargetDatabaseUnavailableError(`Target database connection lost: ${(error as Error).message}`, { cause: error });
    throw new TargetStatementError((error as Error).message, { cause: error });
  } finally {
    await client.query("ROLLBACK").catch(() => {});
  }
}

async function explainOnce(client: Client, sql: string, flags: string[]): Promise<unknown> {
  const result = await client.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (${flags.join(", ")}) ${sql}`);
  const value = result.rows[0]?.["QUERY PLAN"];
  return typeof value === "string" ? JSON.parse(value) : value;
}

function seqScanned(plan: unknown): string[] {
  const out = new Set<string>();
  const visit = (node: Record<string, unknown> | undefined) => {
    if (!node) return;
    if (node["Node Type"] === "Seq Scan" && typeof node["Relation Name"] === "string") out.add(node["Relation Name"]);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) visit(child);
  };
  visit((Array.isArray(plan) ? (plan[0] as Record<string, unknown>)?.Plan : undefined) as Record<string, unknown> | undefined);
  return [...out];
}

async function estimatedRows(client: Client, relations: string[]): Promise<Record<string, number>> {
  const result = await client.query<{ relname: string; reltuples: number }>("SELECT relname, reltuples::float8 AS reltuples FROM pg_class WHERE relname = ANY($1::text[]) AND relkind IN ('r', 'p', 'm')", [relations]);
  return Object.fromEntries(result.rows.map((row) => [row.relname, Number(row.reltuples)]));
}

async function hypopgStatus(client: Client): Promise<HypopgStatus> {
  const result = await client.query<{ installed: boolean; available: boolean; version: string }>(
    "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hypopg') AS installed, EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg') AS available, version() AS version",
  );
  const row = result.rows[0]!;
  if (row.installed) return { state: "ready" };
  if (row.available) return { state: "not-created" };
  return { state: "not-installed", embedded: /emscripten|wasm/i.test(row.version) };
}
