import { parseSync } from "libpg-query";
import { stripSqlCommenter } from "./sqlcommenter";

export type ExplainGuard = { ok: true; sql: string } | { ok: false; message: string };

type Node = Record<string, unknown>;

/**
 * Only a single plain SELECT is explained: no INTO (it creates a table), no FOR UPDATE/SHARE (it
 * takes row locks), no data-modifying WITH. Decided on PostgreSQL's own parse tree, not on text.
 * Needs `loadSqlParser()` done.
 */
export function checkExplainable(statement: string): ExplainGuard {
  const sql = stripSqlCommenter(statement).trim().replace(/;\s*$/, "");
  let stmts: { stmt?: Node }[];
  try {
    stmts = (parseSync(sql) as { stmts?: { stmt?: Node }[] }).stmts ?? [];
  } catch (error) {
    return { ok: false, message: `PostgreSQL's parser rejects this statement: ${(error as Error).message}` };
  }
  if (stmts.length !== 1) return { ok: false, message: `Only one statement is explained at a time (this text holds ${stmts.length}).` };
  const select = stmts[0]!.stmt?.SelectStmt as Node | undefined;
  const kind = Object.keys(stmts[0]!.stmt ?? {})[0]?.replace(/Stmt$/, "").toUpperCase() ?? "UNKNOWN";
  if (!select) return { ok: false, message: `Only SELECT statements are explained; this is ${kind}. Triage never runs writes against a target database.` };
  if (select.intoClause) return { ok: false, message: "SELECT … INTO creates a table, so it is not explained." };
  if (hasLocking(select)) return { ok: false, message: "SELECT … FOR UPDATE/SHARE takes row locks, so it is not explained." };
  if (hasModifyingCte(select)) return { ok: false, message: "This SELECT's WITH clause modifies data, so it is not explained." };
  return { ok: true, sql };
}

function hasLocking(select: Node): boolean {
  if (Array.isArray(select.lockingClause) && select.lockingClause.length > 0) return true;
  return [select.larg, select.rarg].some((arm) => arm !== undefined && hasLocking(arm as Node));
}

function hasModifyingCte(select: Node): boolean {
  const ctes = ((select.withClause as Node | undefined)?.ctes as Node[] | undefined) ?? [];
  return ctes.some((cte) => {
    const query = ((cte.CommonTableExpr as Node | undefined)?.ctequery ?? {}) as Node;
    const inner = query.SelectStmt as Node | undefined;
    return !inner || hasModifyingCte(inner);
  });
}
