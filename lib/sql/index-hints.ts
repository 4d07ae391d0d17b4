import { planNodes, type PlanNode } from "./explain-plan";

export interface IndexHint {
  table: string;
  columns: string[];
  /** Ready to run: CONCURRENTLY so the table keeps taking writes while it builds. */
  statement: string;
  /** The statement HypoPG takes for the what-if (no CONCURRENTLY, no name). */
  hypothetical: string;
  reason: string;
}

/** A sequential scan over at least this many rows (estimated table size) is worth an index. */
export const LARGE_TABLE_ROWS = 10_000;

/**
 * A sequential scan with a filter on a large table proposes an index: equality columns first, then
 * range columns, then the ORDER BY column above it. The ORDER BY column is added only when there is
 * no range column, since a B-tree can hand rows over in order only after equalities.
 */
export function proposeIndexes(root: PlanNode, tableRows: Readonly<Record<string, number>>): IndexHint[] {
  const hints: IndexHint[] = [];
  const visit = (node: PlanNode, sortKeys: string[] | null) => {
    const keys = node.sortKey ?? sortKeys;
    if (node.nodeType === "Seq Scan" && node.relation && node.filter) {
      const rows = tableRows[node.relation] ?? node.planRows + (node.rowsRemovedByFilter ?? 0);
      const { equality, range } = filterColumns(node.filter);
      const orderBy = range.length === 0 ? sortColumn(keys, node.alias ?? node.relation) : null;
      const columns = unique([...equality, ...range, ...(orderBy ? [orderBy] : [])]);
      if (rows >= LARGE_TABLE_ROWS && columns.length > 0) {
        const name = quoteIdent(`${node.relation}_${columns.join("_")}_idx`.slice(0, 63));
        hints.push({
          table: node.relation,
          columns,
          statement: `CREATE INDEX CONCURRENTLY ${name} ON ${quoteIdent(node.relation)} (${columns.map(quoteIdent).join(", ")});`,
          hypothetical: hypotheticalIndexStatement(node.relation, columns),
          reason: `Sequential scan on ${node.relation} (about ${Math.round(rows).toLocaleString("en-US")} rows) filtered by ${columns.join(", ")}: an index on (${columns.join(", ")}) would serve it.`,
        });
      }
    }
    for (const child of node.children) visit(child, keys);
  };
  visit(root, null);
  return hints;
}

/** What HypoPG's hypopg_create_index takes: a plain CREATE INDEX (it accepts no CONCURRENTLY, needs no name). */
export function hypotheticalIndexStatement(table: string, columns: readonly string[]): string {
  return `CREATE INDEX ON ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")})`;
}

/** The relations the plan scans sequentially (for their row estimates). */
export function seqScannedRelations(root: PlanNode): string[] {
  return unique(planNodes(root).flatMap((node) => (node.nodeType === "Seq Scan" && node.relation ? [node.relation] : [])));
}

const COLUMN = String.raw`(?:[A-Za-z_]\w*\.)?"?([A-Za-z_]\w*)"?`;
const CONJUNCT = new RegExp(String.raw`^\(*${COLUMN}\)?(?:::[\w ]+\)?)?\s*(=|<>|!=|<=|>=|<|>|~~|IS)\s*(.+)$`, "i");

/** Columns compared with constants in a plan's Filter: `((user_id = 42) AND ((status)::text = 'active'::text))`. */
export function filterColumns(filter: string): { equality: string[]; range: string[] } {
  const equality: string[] = [];
  const range: string[] = [];
  for (const part of splitTopLevel(stripParens(filter), " AND ")) {
    const match = CONJUNCT.exec(stripParens(part).trim());
    if (!match) continue;
    const [, column, operator, right] = match;
    const constant = /^(?:'|\$\d|-?\d|ANY \(|NULL|true|false|\()/i.test(right!.trim());
    if (!constant) continue;
    if (operator === "=" || operator!.toUpperCase() === "IS") equality.push(column!);
    else if (["<", ">", "<=", ">="].includes(operator!)) range.push(column!);
  }
  return { equality: unique(equality), range: unique(range.filter((column) => !equality.includes(column))) };
}

function sortColumn(keys: string[] | null, alias: string): string | null {
  const first = keys?.[0];
  if (!first) return null;
  const match = new RegExp(String.raw`^(?:${alias}\.)?"?([A-Za-z_]\w*)"?(?:\s+(?:DESC|ASC))?$`).exec(first.trim());
  return match ? match[1]! : null;
}

function stripParens(text: string): string {
  let out = text.trim();
  while (out.startsWith("(") && out.endsWith(")") && balancedInside(out)) out = out.slice(1, -1).trim();
  return out;
}

function balancedInside(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    if (depth === 0) return false;
  }
  return true;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    else if (!quoted && depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const unique = (values: string[]) => [...new Set(values)];
const quoteIdent = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
