import { formatCount } from "@/lib/format";
import type { PlanNode } from "@/lib/sql/explain-plan";

/** EXPLAIN's plan as a nested list: expensive nodes (30%+ of the plan's cost on their own) are marked. */
export function PlanTree({ root, label }: { root: PlanNode; label: string }) {
  return (
    <ul className="sq-plan" aria-label={label} data-testid="plan-tree">
      <PlanItem node={root} />
    </ul>
  );
}

function PlanItem({ node }: { node: PlanNode }) {
  return (
    <li className={node.expensive ? "sq-plan-node sq-plan-expensive" : "sq-plan-node"} data-node-type={node.nodeType}>
      <div>
        <strong>{node.nodeType}</strong>
        {node.relation ? <> on <code>{node.relation}</code></> : null}
        {node.indexName ? <> using <code>{node.indexName}</code></> : null}
        {node.expensive ? <span className="badge sq-expensive-badge">expensive: {Math.round(node.costShare * 100)}% of the cost</span> : null}
      </div>
      <div className="muted">
        cost {node.startupCost.toFixed(2)}..{node.totalCost.toFixed(2)} · est. rows {formatCount(node.planRows)}
        {node.actualRows !== null ? <> · actual rows {formatCount(node.actualRows)} × {node.loops ?? 1} · {node.actualTotalMs?.toFixed(2)} ms</> : null}
        {node.rowsRemovedByFilter !== null ? <> · removed by filter {formatCount(node.rowsRemovedByFilter)}</> : null}
      </div>
      {node.filter ? <div className="message">Filter: {node.filter}</div> : null}
      {node.indexCond ? <div className="message">Index Cond: {node.indexCond}</div> : null}
      {node.children.length > 0 ? <ul>{node.children.map((child, i) => <PlanItem key={i} node={child} />)}</ul> : null}
    </li>
  );
}
