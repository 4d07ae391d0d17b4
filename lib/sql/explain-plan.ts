/**
 * `EXPLAIN (FORMAT JSON)` output as the tree the panel draws: node type, relation, estimated and
 * actual rows, cost, time, filter and index conditions, with the nodes that cost most marked.
 */
export interface PlanNode {
  nodeType: string;
  relation: string | null;
  alias: string | null;
  indexName: string | null;
  startupCost: number;
  totalCost: number;
  planRows: number;
  actualRows: number | null;
  actualTotalMs: number | null;
  loops: number | null;
  filter: string | null;
  indexCond: string | null;
  rowsRemovedByFilter: number | null;
  sortKey: string[] | null;
  /** This node's own share of the plan's total cost (its cost minus its children's). */
  costShare: number;
  expensive: boolean;
  children: PlanNode[];
}

/** A node is "expensive" when its own cost is at least this share of the whole plan's. */
export const EXPENSIVE_SHARE = 0.3;

type Raw = Record<string, unknown>;
const num = (value: unknown) => (typeof value === "number" ? value : null);
const str = (value: unknown) => (typeof value === "string" ? value : null);

/** The root plan of an EXPLAIN (FORMAT JSON) answer (`[{ Plan: … }]`), shaped. */
export function shapePlan(explainJson: unknown): PlanNode {
  const root = (Array.isArray(explainJson) ? explainJson[0] : explainJson) as Raw | undefined;
  const plan = root?.Plan as Raw | undefined;
  if (!plan) throw new Error("EXPLAIN answered without a plan");
  const total = num(plan["Total Cost"]) ?? 0;
  return shapeNode(plan, total);
}

function shapeNode(raw: Raw, planTotal: number): PlanNode {
  const children = ((raw.Plans as Raw[] | undefined) ?? []).map((child) => shapeNode(child, planTotal));
  const totalCost = num(raw["Total Cost"]) ?? 0;
  const own = Math.max(0, totalCost - children.reduce((sum, child) => sum + child.totalCost, 0));
  const costShare = planTotal > 0 ? own / planTotal : 0;
  return {
    nodeType: str(raw["Node Type"]) ?? "?",
    relation: str(raw["Relation Name"]),
    alias: str(raw.Alias),
    indexName: str(raw["Index Name"]),
    startupCost: num(raw["Startup Cost"]) ?? 0,
    totalCost,
    planRows: num(raw["Plan Rows"]) ?? 0,
    actualRows: num(raw["Actual Rows"]),
    actualTotalMs: num(raw["Actual Total Time"]),
    loops: num(raw["Actual Loops"]),
    filter: str(raw.Filter),
    indexCond: str(raw["Index Cond"]) ?? str(raw["Recheck Cond"]),
    rowsRemovedByFilter: num(raw["Rows Removed by Filter"]),
    sortKey: Array.isArray(raw["Sort Key"]) ? (raw["Sort Key"] as string[]) : null,
    costShare,
    expensive: costShare >= EXPENSIVE_SHARE,
    children,
  };
}

/** Every node, depth first. */
export function planNodes(root: PlanNode): PlanNode[] {
  return [root, ...root.children.flatMap(planNodes)];
}
